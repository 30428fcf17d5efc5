package io.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistakes get a sentence that names what is wrong, exit status 2, and no stack trace. */
class CliMistakesTest {
  private static final String PASS = """
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""";
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int stepwise(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private void assertNoTrace() {
    assertFalse(stderr().contains("Exception") || stderr().contains("\tat "), "no stack trace: " + stderr());
  }

  @Test
  void badInputFile_blamesTheInputFile_notTheDefinition() throws IOException {
    Path def = file("machine.json", PASS);
    Path input = file("input.json", "{\"a\": ");
    assertEquals(2, stepwise("run", def.toString(), "--input", "@" + input));
    assertTrue(stderr().contains(input.toString()) && stderr().contains("not valid JSON"), stderr());
    assertFalse(stderr().contains(def.toString()), "the definition is fine: " + stderr());
    assertEquals(2, stepwise("run", def.toString(), "--input", "@" + dir.resolve("missing.json")));
    assertTrue(stderr().contains("missing.json: no such file"), stderr());
  }

  @Test
  void inputOver256KiB_isRefusedBeforeTheRun() throws IOException {
    Path def = file("machine.json", PASS);
    Path input = file("big.json", "{\"a\": \"" + "x".repeat(262_144) + "\"}");
    assertEquals(2, stepwise("run", def.toString(), "--input", "@" + input));
    assertTrue(stderr().contains("The input exceeds the maximum size of 262144 bytes"), stderr());
    assertFalse(stderr().contains("PassStateEntered"), "nothing ran: " + stderr());
  }

  @Test
  void badMockFile_isASentence() throws IOException {
    Path def = file("machine.json", """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
         "Parameters": {"FunctionName": "f"}, "End": true}}}""");
    Path mocks = file("mocks.json", """
        {"StateMachines": {"machine": {"TestCases": {"Once": {"Call": "Answer"}}}},
         "MockedResponses": {"Answer": {"first": {"Return": {"Payload": 1}}}}}""");
    assertEquals(2, stepwise("run", def.toString(), "--mocks", mocks.toString(), "--test-case", "Once"));
    assertTrue(stderr().contains(mocks.toString()) && stderr().contains("'first'") && stderr().contains("Answer"), stderr());
    assertNoTrace();
  }

  @Test
  void unknownOptions_areErrorsNamingThem() throws IOException {
    Path def = file("machine.json", PASS);
    assertEquals(2, stepwise("run", def.toString(), "--bogus", "1"));
    assertTrue(stderr().contains("--bogus"), stderr());
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("{"), "nothing ran");
    assertEquals(2, stepwise("validate", def.toString(), "--strict"));
    assertTrue(stderr().contains("--strict"), stderr());
    assertEquals(2, stepwise("local", "--bogus", "DIR"));
    assertTrue(stderr().contains("--bogus"), stderr());
  }

  @Test
  void portInUse_isASentence() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertEquals(2, stepwise("local", "--template", "../../template.yml", "--port", Integer.toString(port)));
      assertTrue(stderr().contains("127.0.0.1:" + port + " is in use"), stderr());
      assertNoTrace();
    }
  }

  @Test
  void validate_definitionOver1MiB_isStepFunctionsValidationException() throws IOException {
    String big = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"" + "x".repeat(1_048_576)
        + "\", \"End\": true}}}";
    Path def = file("big.json", big);
    assertEquals(2, stepwise("validate", def.toString()));
    assertTrue(stderr().contains("ValidationException") && stderr().contains(
        "Member must have length less than or equal to 1048576"), stderr());
    assertEquals(2, stepwise("run", def.toString()));
    assertTrue(stderr().contains("less than or equal to 1048576"), stderr());
  }
}
