package io.stepwise.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.console.ConsoleServer;
import io.stepwise.console.SigningForwarder;
import io.stepwise.local.stack.LocalStack;
import io.stepwise.tests.stack.StackFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The console in headless Chromium against one local stack (template.yml): the machine list, a
 * machine's graph, a failing execution's colours, error and history, a task token answered from
 * the page, and the console of {@code stepwise console} signing its way to the same API. Every
 * test ends by checking that the page logged no script error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
  private static final String ROLE = "arn:aws:iam::000000000000:role/console-test";
  private static final Duration WAIT = Duration.ofSeconds(40);

  private LocalStack stack;
  private SfnClient sfn;
  private ChromeDriver browser;
  private String base;

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
    stack = LocalStack.start(StackFixtures.template(), 0, StackFixtures.QUIET);
    sfn = StackFixtures.sfn(stack.endpoints().api());
    base = stack.endpoints().api() + "/";
    browser = HeadlessChromium.start(Files.createTempDirectory("console-chromium"));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (sfn != null) sfn.close();
    if (stack != null) stack.close();
  }

  @AfterEach
  void thePageLoggedNoScriptErrors() {
    assertEquals(List.of(), HeadlessChromium.errors(browser));
  }

  @Test
  void givenTheStack_whenOpeningTheConsole_thenItListsTheMachinesWithTheirExecutionCounts() {
    String arn = create("console-listed", ConsoleFixtures.SHAPES);
    sfn.startExecution(r -> r.stateMachineArn(arn).input("{\"n\": 1}"));

    browser.get(base);

    WebElement row = waitFor(By.cssSelector("#machines tr[data-arn='" + arn + "']"));
    assertTrue(row.getText().contains("console-listed") && row.getText().contains("STANDARD"), row.getText());
    until(() -> !row.findElement(By.cssSelector("td[data-status='SUCCEEDED']")).getText().equals("…"));
    assertTrue(browser.findElement(By.id("machines")).getText().contains("stepwise-RandomErrorStateMachine"));
  }

  @Test
  void givenAMachineWithEveryShape_whenOpened_thenTheGraphDrawsEveryStateBranchContainerAndArrow() {
    String arn = create("console-shapes", ConsoleFixtures.SHAPES);

    browser.get(base + "#/machine?arn=" + encode(arn));

    waitFor(By.cssSelector("svg.graph"));
    assertEquals(Set.of("Check", "Fan", "Left", "Right", "RightAfter", "Each", "Item", "Broken", "Done"),
        attributes("svg.graph g.node", "data-name"));
    assertEquals(Set.of("Fan", "Each"), attributes("svg.graph g.node.container", "data-name"));
    assertEquals(2, browser.findElements(By.cssSelector("svg.graph g.branch")).size());
    assertEquals(Set.of("Start", "End"), texts("svg.graph g.terminal text"));
    assertInside("Left", "Fan");
    assertInside("RightAfter", "Fan");
    assertInside("Item", "Each");
    assertEquals(Set.of("$.n > 3"), texts("svg.graph g.edge.choice text"));
    assertEquals(Set.of("Default"), texts("svg.graph g.edge.default text"));
    assertEquals(Set.of("Fan>Broken"), browser.findElements(By.cssSelector("svg.graph g.edge.catch")).stream()
        .map(e -> e.getDomAttribute("data-from") + ">" + e.getDomAttribute("data-to")).collect(Collectors.toSet()));
    assertTrue(browser.findElement(By.id("definition")).getText().contains("\"StartAt\": \"Check\""));

    // By keyboard: a state takes focus and Enter shows its definition.
    browser.executeScript("arguments[0].focus()", browser.findElement(By.cssSelector("svg.graph g.node[data-name='RightAfter']")));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    until(() -> browser.findElement(By.id("selected-state")).getDomProperty("textContent").contains("RightAfter"));
    assertTrue(browser.findElement(By.id("selected-state")).getText().contains("\"Type\": \"Pass\""));
  }

  @Test
  void givenAnExecutionThatFails_whenStartedFromThePage_thenColoursErrorHistoryAndChildrenShow() throws Exception {
    String arn = create("console-fails", ConsoleFixtures.FAILS);
    browser.manage().window().setSize(new Dimension(1400, 1000));
    browser.get(base + "#/machine?arn=" + encode(arn));
    waitFor(By.cssSelector("#start-panel > summary")).click();
    WebElement input = waitFor(By.id("execution-input"));

    input.clear();
    input.sendKeys("{\"go\": tru");
    until(() -> browser.findElement(By.cssSelector("#start-panel .check")).getText().startsWith("Line 1"));
    assertFalse(browser.findElement(By.id("start-execution")).isEnabled());
    input.clear();
    input.sendKeys("{\"go\": true}");
    until(() -> browser.findElement(By.id("start-execution")).isEnabled());
    browser.findElement(By.id("start-execution")).click();

    until(() -> browser.getCurrentUrl().contains("#/execution"));
    until(() -> waitFor(By.id("execution-status")).getText().equals("FAILED"));
    until(() -> "failed".equals(status("GiveUp")));
    assertEquals("succeeded", status("Route"));
    assertEquals("caught", status("Try"));
    assertEquals("succeeded", status("Recover <i>"));
    assertEquals("none", status("Skipped"));
    WebElement error = browser.findElement(By.id("execution-error"));
    assertTrue(error.getText().startsWith("Console.GaveUp"), error.getText());
    assertEquals("gave up after <b>recovering</b>", error.findElement(By.tagName("pre")).getText());
    assertEquals(0, browser.findElements(By.cssSelector("#execution-error pre *, svg.graph i")).size(), "user data was parsed as HTML");
    until(() -> browser.findElements(By.cssSelector("#history tr.event")).size() >= 10);
    String history = browser.findElement(By.id("history")).getText();
    for (String type : List.of("ExecutionStarted", "ChoiceStateEntered", "ParallelStateStarted", "ParallelStateFailed",
        "PassStateExited", "FailStateEntered", "ExecutionFailed")) {
      assertTrue(history.contains(type), type + " missing from\n" + history);
    }
    WebElement parallelFailed = browser.findElements(By.cssSelector("#history tr.event")).stream()
        .filter(r -> r.getText().contains("ParallelStateFailed")).findFirst().orElseThrow();
    assertEquals(5, parallelFailed.findElements(By.tagName("td")).size());
    assertTrue(parallelFailed.getText().contains("Try"), parallelFailed.getText());

    browser.manage().window().setSize(new Dimension(1400, 1180));
    browser.findElement(By.cssSelector("svg.graph g.node[data-name='GiveUp']")).click();
    until(() -> browser.findElement(By.id("state-panel")).getText().contains("Console.GaveUp"));
    Path screenshot = StackFixtures.repoRoot().resolve("docs/console-execution.png");
    Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));

    browser.findElement(By.cssSelector("svg.graph g.node[data-name='Try'] > text.caption")).click();
    waitFor(By.linkText("Branch 1")).click();
    until(() -> browser.findElements(By.cssSelector("svg.graph g.node[data-name='Boom']")).size() == 1);
    until(() -> "failed".equals(status("Boom")));
    assertTrue(browser.findElement(By.id("execution-error")).getText().contains("Custom.Boom"));
  }

  @Test
  void givenAStateWaitingForATaskToken_whenAnsweredFromThePage_thenTheExecutionGoesOnLive() {
    String arn = create("console-callback", ConsoleFixtures.callback(ConsoleFixtures.seedFunction(sfn, stack)));
    String execution = sfn.startExecution(r -> r.stateMachineArn(arn).input("{}")).executionArn();

    browser.get(base + "#/execution?arn=" + encode(execution));

    until(() -> "waiting".equals(status("Approve")));
    assertEquals("none", status("Done"));
    WebElement output = waitFor(By.id("task-output"));
    output.clear();
    output.sendKeys("{\"approved\": true}");
    browser.findElement(By.id("send-task-success")).click();
    until(() -> browser.findElement(By.id("execution-status")).getText().equals("SUCCEEDED"));
    until(() -> "succeeded".equals(status("Done")));
    assertEquals("succeeded", status("Approve"));
    assertTrue(browser.findElement(By.cssSelector("[aria-label='Execution input and output']")).getText().contains("approved"));
  }

  @Test
  void givenStepwiseConsole_whenItForwardsToTheApi_thenThePageWorksThroughTheSignedProxy() {
    String arn = create("console-proxied", ConsoleFixtures.SHAPES);
    try (ConsoleServer console = ConsoleServer.start(0, new SigningForwarder(stack.endpoints().api(), "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCONSOLE", "console-secret"))))) {
      browser.get(console.endpoint() + "/#/machine?arn=" + encode(arn));

      waitFor(By.cssSelector("svg.graph g.node[data-name='Fan']"));
      until(() -> browser.findElement(By.id("executions")).getText().contains("No executions"));
      browser.get("about:blank"); // before the server closes: the page's timers would call it
    }
  }

  private String create(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
  }

  private String status(String state) {
    List<WebElement> nodes = browser.findElements(By.cssSelector("svg.graph g.node"));
    return nodes.stream().filter(n -> state.equals(n.getDomAttribute("data-name"))).findFirst()
        .map(n -> n.getDomAttribute("data-status")).orElse(null);
  }

  private void assertInside(String inner, String outer) {
    double[] a = box(inner);
    double[] b = box(outer);
    assertTrue(a[0] >= b[0] && a[1] >= b[1] && a[0] + a[2] <= b[0] + b[2] && a[1] + a[3] <= b[1] + b[3],
        inner + " is not drawn inside " + outer);
  }

  private double[] box(String state) {
    WebElement rect = browser.findElement(By.cssSelector("svg.graph g.node[data-name='" + state + "'] > rect.box"));
    return new double[] {number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height")};
  }

  private static double number(WebElement element, String attribute) {
    return Double.parseDouble(element.getDomAttribute(attribute));
  }

  private Set<String> attributes(String css, String attribute) {
    return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute(attribute)).collect(Collectors.toSet());
  }

  private Set<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent")).collect(Collectors.toSet());
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, WAIT).until(d -> d.findElements(by).stream().findFirst().orElse(null));
  }

  private void until(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
