package io.stepwise.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.lambda.FunctionConfig;
import io.stepwise.local.lambda.LocalLambdaHost;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.tests.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The docs' example end to end on this machine: the seed's state machine on the Lambda runtime
 * (ElasticMQ, dynalite), calling the real random-error function through the Lambda Invoke API
 * of the local Lambda host, with seeded dice.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedExampleTest {
  private static final Path EVENTS = Path.of(System.getProperty("user.dir")).resolve("../events");
  private LocalLambdaHost host;
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    host = LocalLambdaHost.start();
    // What Lambda's environment gives a function, for the function's own SDK client (its
    // self-invocations go to the host).
    System.setProperty("aws.endpointUrlLambda", host.endpoint().toString());
    System.setProperty("aws.region", host.region());
    System.setProperty("aws.accessKeyId", "stepwise");
    System.setProperty("aws.secretAccessKey", "stepwise");
    // Seed 4 rolls 3 and 3 (doubles); seed 2 rolls 4 and 3.
    register("random-error-doubles", "4");
    register("random-error-lucky", "2");
    register("random-error-deep", "2");
    local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName("seed"), LocalIntegrations.lambda(host.endpoint(), host.region()),
        LocalRuntime.Options.DEFAULT);
    runtime = local.runtime();
  }

  private void register(String name, String seed) {
    System.setProperty("stepwise.dice.seed", seed);
    try {
      host.register(FunctionConfig.of(name, "io.stepwise.functions.RandomErrorFunction::handleRequest")
          .withTimeout(Duration.ofSeconds(25)));
    } finally {
      System.clearProperty("stepwise.dice.seed");
    }
  }

  @AfterAll
  void stop() {
    local.close();
    host.close();
    for (String p : List.of("aws.endpointUrlLambda", "aws.region", "aws.accessKeyId", "aws.secretAccessKey")) {
      System.clearProperty(p);
    }
  }

  private ExecutionState run(String definitionFile, String function, String input) throws IOException {
    String definition = Files.readString(EVENTS.resolve(definitionFile))
        .replace("arn:aws:lambda:us-east-1:123456789012:function:random-error", host.functionArn(function));
    String name = function + "-" + definitionFile.replace(".asl.json", "");
    String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:" + name;
    runtime.machines().store().put(new StateMachineStore.StateMachineRecord(arn, name, 0, definition, "role", "STANDARD"));
    String execution = runtime.executions().start(arn, "run", input).executionArn();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      ExecutionState state = runtime.store().load(execution).orElseThrow().state();
      if (state.isDone()) return state;
      sleep();
    }
    throw new AssertionError(execution + " did not finish");
  }

  private List<HistoryEvent> history(ExecutionState state) {
    return runtime.store().history(state.info().executionArn(), 0, 1000).events();
  }

  @Test
  void seedMachine_withInvocationTypeEvent_movesOnWithoutWaiting() throws IOException {
    ExecutionState end = run("random-error.asl.json", "random-error-doubles", Files.readString(EVENTS.resolve("event.json")));
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.text("Invocation succeeded!"), end.output(), "an Event invocation returns 202 before the function runs");
  }

  @Test
  void requestResponse_doublesRolled_isCaught() throws IOException {
    ExecutionState end = run("random-error-sync.asl.json", "random-error-doubles", Files.readString(EVENTS.resolve("event.json")));
    assertEquals(Json.text("The function returned an error."), end.output());
    assertTrue(history(end).stream().anyMatch(e -> e.type().equals("TaskFailed")
        && "function.DoublesRolledError".equals(e.details().path("error").asText())));
  }

  @Test
  void requestResponse_noDoubles_succeeds() throws IOException {
    ExecutionState end = run("random-error-sync.asl.json", "random-error-lucky", Files.readString(EVENTS.resolve("event.json")));
    assertEquals(Json.text("Invocation succeeded!"), end.output());
  }

  @Test
  void requestResponse_maxDepth_isRetriedAtTheDeclaredIntervals_thenUncaught() throws IOException {
    // One retry fewer than the seed's five keeps the test short: intervals 1, 2, 4, 8 s (BackoffRate 2.0).
    String definition = Files.readString(EVENTS.resolve("random-error-sync.asl.json")).replace("\"MaxAttempts\": 5", "\"MaxAttempts\": 3");
    Path copy = EVENTS.resolve("../tests/target/random-error-retries.asl.json");
    Files.writeString(copy, definition);
    ExecutionState end = run("../tests/target/random-error-retries.asl.json", "random-error-deep",
        "{\"max-depth\": 5, \"current-depth\": 4, \"error-rate\": 0.2}");
    assertEquals(Json.text("Invocation failed."), end.output());
    List<Long> scheduled = history(end).stream().filter(e -> e.type().equals("TaskScheduled"))
        .map(e -> e.timestamp().toEpochMilli()).toList();
    assertEquals(4, scheduled.size(), "the first call and three retries");
    long[] expected = {1000, 2000, 4000};
    for (int i = 1; i < scheduled.size(); i++) {
      long gap = scheduled.get(i) - scheduled.get(i - 1);
      System.out.println("retry " + i + " after " + gap + " ms (declared " + expected[i - 1] + " ms)");
      assertTrue(gap >= expected[i - 1] - 500 && gap < expected[i - 1] + 1000, "retry " + i + " came after " + gap + " ms");
    }
    assertTrue(history(end).stream().anyMatch(e -> "function.MaxDepthError".equals(e.details() == null ? null
        : e.details().path("error").asText(null))));
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
