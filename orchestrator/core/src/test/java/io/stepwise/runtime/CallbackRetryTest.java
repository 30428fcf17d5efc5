package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * SendTaskSuccess and SendTaskFailure close the token, then send the answer: a call that dies
 * in between must not wedge the execution. Its retry, with the same answer, sends it again.
 */
class CallbackRetryTest {
  private static final String WAITS = """
      {"StartAt": "Ask", "States": {
        "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "worker", "Payload": {"token.$": "$$.Task.Token"}},
          "TimeoutSeconds": 300, "ResultPath": "$.answer",
          "Catch": [{"ErrorEquals": ["Worker.Refused"], "ResultPath": "$.error", "Next": "Done"}], "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";

  /** Fails the first {@code failures} sends of a callback's answer, before sending: as a call that died between close and send. */
  private static UnaryOperator<StepQueue> answersFail(AtomicInteger failures) {
    return queue -> (message, delay) -> {
      boolean answer = message.token() != null && message.dueAtMillis() == 0 // not the task's timeout
          && (message.kind() == StepMessage.Kind.TASK_SUCCEEDED || message.kind() == StepMessage.Kind.TASK_FAILED);
      if (answer && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("SQS unavailable");
      queue.send(message, delay);
    };
  }

  /**
   * Runs the machine once: its task worker takes the token, and once the execution waits (the transition that
   * handed out the token made) answers through {@code answer}.
   */
  private static VirtualRuntime run(UnaryOperator<StepQueue> sends, Answer answer, List<String> arn) {
    List<String> tokens = new ArrayList<>();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      tokens.add(call.token());
      return TaskOutcome.success(Json.object());
    }, new Engine(Entropy.secure()), 5, sends);
    arn.add(runtime.start(runtime.machine("m", WAITS), "run", "{}"));
    for (int n = 0; n < 5 && runtime.record(arn.get(0)).state().taskToken() == null; n++) runtime.run(1);
    assertEquals(List.of(runtime.record(arn.get(0)).state().taskToken()), tokens, "waits on its one token");
    answer.give(runtime.callbacks, tokens.get(0));
    runtime.runUntilDone(arn);
    return runtime;
  }

  private interface Answer {
    void give(TaskCallbacks callbacks, String token);
  }

  /** As the SDK does: a call that failed is made again, once. */
  private static Answer retried(Answer answer) {
    return (callbacks, token) -> {
      try {
        answer.give(callbacks, token);
      } catch (IllegalStateException failed) {
        answer.give(callbacks, token);
      }
    };
  }

  /**
   * Runs {@code answer} fault-free, then with its first send failing and the call retried: the
   * retry must bring the execution to the fault-free end. Returns that end.
   */
  private static ExecutionState retriedAfterAFailedSend(Answer answer) {
    List<String> base = new ArrayList<>();
    VirtualRuntime plain = run(UnaryOperator.identity(), answer, base);
    AtomicInteger failures = new AtomicInteger(1);
    List<String> arn = new ArrayList<>();
    VirtualRuntime faulty = run(answersFail(failures), retried(answer), arn);
    assertEquals(0, failures.get(), "the first send failed");
    assertEquals(tokenless(plain, base.get(0)), tokenless(faulty, arn.get(0)));
    ExecutionState end = faulty.record(arn.get(0)).state();
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    return end;
  }

  @Test
  void sendTaskSuccess_whoseSendFailsAfterTheClose_isSentByTheRetry_andTheExecutionGoesOn() {
    ExecutionState end = retriedAfterAFailedSend((callbacks, token) -> callbacks.sendTaskSuccess(token, "{\"ok\": 1}"));
    assertEquals(Json.parse("{\"answer\": {\"ok\": 1}}"), end.output());
  }

  @Test
  void sendTaskFailure_whoseSendFailsAfterTheClose_isSentByTheRetry_andCaught() {
    ExecutionState end = retriedAfterAFailedSend((callbacks, token) -> callbacks.sendTaskFailure(token, "Worker.Refused", "no"));
    assertEquals("Worker.Refused", end.output().path("error").path("Error").asText());
  }

  @Test
  void aDifferentAnswer_afterAnUnsentOne_isTaskTimedOut_andTheFirstIsTheOneApplied() {
    AtomicReference<ApiException> refused = new AtomicReference<>();
    Answer changesItsMind = (callbacks, token) -> {
      try {
        callbacks.sendTaskSuccess(token, "{\"ok\": 1}");
      } catch (IllegalStateException failed) {
        refused.set(assertThrows(ApiException.class, () -> callbacks.sendTaskFailure(token, "Worker.Refused", "no")));
        callbacks.sendTaskSuccess(token, "{\"ok\": 1}");
      }
    };
    List<String> arn = new ArrayList<>();
    VirtualRuntime faulty = run(answersFail(new AtomicInteger(1)), changesItsMind, arn);

    assertEquals("TaskTimedOut", refused.get().code());
    assertEquals(Json.parse("{\"answer\": {\"ok\": 1}}"), faulty.record(arn.get(0)).state().output());
    ApiException late = assertThrows(ApiException.class, () -> faulty.callbacks.sendTaskSuccess(taskToken(faulty, arn.get(0)), "{\"ok\": 1}"));
    assertEquals("TaskTimedOut", late.code(), "once applied, even the same answer is refused, as on AWS");
  }

  /** The history with its task token made neutral: each run has its own. */
  private static List<String> tokenless(VirtualRuntime runtime, String arn) {
    return runtime.history(arn).stream().map(l -> l.replaceAll("[A-Za-z0-9_-]{64}", "TOKEN")).toList();
  }

  private static String taskToken(VirtualRuntime runtime, String arn) {
    return runtime.history(arn).stream().filter(e -> e.contains("TaskScheduled"))
        .map(e -> e.replaceAll(".*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1")).findFirst().orElseThrow();
  }
}
