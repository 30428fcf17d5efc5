package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.TaskCallbacks;
import io.stepwise.tests.LocalAws;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code .waitForTaskToken}: callbacks, heartbeats, timeouts and bad tokens, on the local servers. */
@ExtendWith(LocalAws.class)
class TaskTokenTest {
  private static final String WAITING = """
      {"StartAt": "Wait for worker", "States": {
        "Wait for worker": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "worker", "Payload": {"token.$": "$$.Task.Token", "job.$": "$.job"}},
          %s
          "Catch": [{"ErrorEquals": ["Job.Failed"], "ResultPath": "$.failure", "Next": "Failed"}],
          "Next": "Done"},
        "Failed": {"Type": "Pass", "End": true},
        "Done": {"Type": "Pass", "End": true}}}""";

  private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
  private LocalRuntime local;
  private Runtime runtime;
  /** Callbacks on the same table whose every send fails: as a call that died between closing the token and sending. */
  private TaskCallbacks diesBeforeSending;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    String name = LocalAws.uniqueName("tokens");
    // The "worker" function: it is handed the token, and answers later through the callbacks.
    local = LocalRuntime.start(dynamo, sqs, name, call -> {
      tokens.add(call.payload().path("Payload").path("token").asText());
      return TaskOutcome.success(Json.parse("{\"StatusCode\": 200, \"Payload\": null}"));
    }, new LocalRuntime.Options(2, 5, 2, 10));
    runtime = local.runtime();
    diesBeforeSending = new TaskCallbacks(runtime.store(), new DynamoDbTokenStore(dynamo, name), (message, delay) -> {
      throw new IllegalStateException("died before sending " + message.kind());
    }, InstantSource.system());
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private String run(String name, String extraFields) throws InterruptedException {
    String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:" + name;
    runtime.machines().store().put(new StateMachineStore.StateMachineRecord(arn, name, 0,
        WAITING.formatted(extraFields), "role", "STANDARD"));
    runtime.executions().start(arn, "e", "{\"job\": 42}");
    return arn.replace(":stateMachine:", ":execution:") + ":e";
  }

  private String nextToken() throws InterruptedException {
    String token = tokens.poll(20, TimeUnit.SECONDS);
    if (token == null) throw new AssertionError("the worker was never called");
    return token;
  }

  private ExecutionState await(String execution) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      ExecutionState state = runtime.store().load(execution).orElseThrow().state();
      if (state.isDone()) return state;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError(execution + " did not finish");
  }

  private List<String> types(String execution) {
    return runtime.store().history(execution, 0, 1000).events().stream().map(HistoryEvent::type).toList();
  }

  /** The history's event types once it holds at least {@code count} events. */
  private List<String> awaitTypes(String execution, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    List<String> types = types(execution);
    while (types.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      types = types(execution);
    }
    return types;
  }

  @Test
  void sendTaskSuccess_continuesWithTheWorkersOutput_andARepeatIsTaskTimedOut() throws Exception {
    String execution = run("success", "");
    String token = nextToken();
    // As on AWS, the send is recorded while the task waits: TaskStarted, then TaskSubmitted with Invoke's answer.
    List<String> waiting = List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted");
    assertEquals(waiting, awaitTypes(execution, waiting.size()));
    runtime.callbacks().sendTaskSuccess(token, "{\"done\": 42}");
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("{\"done\": 42}"), end.output());
    assertEquals(List.of("TaskSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
        types(execution).subList(waiting.size(), types(execution).size()));
    ApiException repeated = assertThrows(ApiException.class, () -> runtime.callbacks().sendTaskSuccess(token, "{}"));
    assertEquals("TaskTimedOut", repeated.code());
  }

  @Test
  void aCallbackThatDiesBetweenCloseAndSend_isCompletedByItsRetry_butAnotherAnswerIsTaskTimedOut() throws Exception {
    String execution = run("retried", "");
    String token = nextToken();
    awaitTypes(execution, 5); // waiting: the transition that handed out the token committed
    assertThrows(IllegalStateException.class, () -> diesBeforeSending.sendTaskSuccess(token, "{\"done\": 7}"));
    assertEquals("TaskTimedOut", assertThrows(ApiException.class,
        () -> runtime.callbacks().sendTaskFailure(token, "Job.Failed", "changed its mind")).code());
    runtime.callbacks().sendTaskSuccess(token, "{\"done\": 7}"); // the SDK's retry of the call that died
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("{\"done\": 7}"), end.output());
    assertEquals(1, types(execution).stream().filter("TaskSucceeded"::equals).count());
  }

  @Test
  void sendTaskFailure_isCaughtLikeAnyTaskError() throws Exception {
    String execution = run("failure", "");
    runtime.callbacks().sendTaskFailure(nextToken(), "Job.Failed", "disk full");
    ExecutionState end = await(execution);
    assertEquals(Json.parse("{\"job\": 42, \"failure\": {\"Error\": \"Job.Failed\", \"Cause\": \"disk full\"}}"), end.output());
  }

  @Test
  void noHeartbeat_failsWithStatesTimeout_butHeartbeatsKeepTheTaskAlive() throws Exception {
    String silent = run("silent", "\"HeartbeatSeconds\": 1,");
    nextToken();
    ExecutionState end = await(silent);
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.Timeout", end.error(), "AWS records a missed heartbeat as States.Timeout");

    String beating = run("beating", "\"HeartbeatSeconds\": 2,");
    String token = nextToken();
    for (int i = 0; i < 4; i++) {
      Thread.sleep(1000);
      runtime.callbacks().sendTaskHeartbeat(token);
    }
    runtime.callbacks().sendTaskSuccess(token, "\"alive\"");
    assertEquals(Json.text("alive"), await(beating).output(), "four seconds of heartbeats outlived HeartbeatSeconds 2");
  }

  @Test
  void timeoutSeconds_failsWithStatesTimeout_andALateCallbackIsTaskTimedOut() throws Exception {
    String execution = run("slow", "\"TimeoutSeconds\": 1,");
    String token = nextToken();
    ExecutionState end = await(execution);
    assertEquals("States.Timeout", end.error());
    assertEquals("TaskTimedOut", assertThrows(ApiException.class,
        () -> runtime.callbacks().sendTaskSuccess(token, "{}")).code());
  }

  @Test
  void forgedAndMalformedTokens_areInvalidToken_asOnAws() {
    // AWS's tokens are sealed: one it never issued fails as InvalidToken, whatever it looks like.
    ApiException forged = assertThrows(ApiException.class, () -> runtime.callbacks().sendTaskSuccess("A".repeat(64), "{}"));
    assertEquals("InvalidToken", forged.code());
    assertEquals("Invalid Token: 'Invalid token'", forged.getMessage());
    assertEquals("InvalidToken", assertThrows(ApiException.class,
        () -> runtime.callbacks().sendTaskFailure("not a token!", "E", "C")).code());
    assertEquals("InvalidToken", assertThrows(ApiException.class,
        () -> runtime.callbacks().sendTaskHeartbeat("B".repeat(64))).code());
  }
}
