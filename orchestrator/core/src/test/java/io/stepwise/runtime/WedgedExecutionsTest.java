package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Executions that used to wedge or run for ever, on the in-memory runtime. */
class WedgedExecutionsTest {
  private static final String WRAPS_ITS_INPUT = """
      {"StartAt": "Wrap", "States": {
        "Wrap": {"Type": "Pass", "Parameters": {"inner.$": "$"}, "Next": "Again"},
        "Again": {"Type": "Pass", "Parameters": {"inner.$": "$"}, "End": true}}}""";
  private static final String CALLS_A_TASK = """
      {"StartAt": "Call", "States": {
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}}""";
  private static final String LOOPS_FOR_EVER = """
      {"StartAt": "Loop", "States": {
        "Loop": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Loop"}],
                 "Default": "Done"},
        "Done": {"Type": "Succeed"}}}""";

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void deepInput_isRefusedAtStart_withInvalidExecutionInput() {
    VirtualRuntime runtime = new VirtualRuntime(call -> TaskOutcome.success(Json.object()));
    String machine = runtime.machine("wraps", WRAPS_ITS_INPUT);
    for (int depth : new int[] {999, Json.MAX_PAYLOAD_DEPTH + 1}) {
      ApiException refused = assertThrows(ApiException.class, () -> runtime.start(machine, "deep" + depth, nested(depth)));
      assertEquals("InvalidExecutionInput", refused.code());
      assertTrue(refused.getMessage().contains("nests deeper than 500 levels"), refused.getMessage());
    }
    assertTrue(runtime.queue.isEmpty(), "nothing was started");
  }

  @Test
  void overDeepResult_failsTheStateWithStatesRuntime_andTheRecordStaysReadable() {
    VirtualRuntime runtime = new VirtualRuntime(call -> TaskOutcome.success(Json.object()));
    String arn = runtime.start(runtime.machine("wraps", WRAPS_ITS_INPUT), "deep", nested(Json.MAX_PAYLOAD_DEPTH - 1));
    runtime.runUntilDone(List.of(arn));
    ExecutionState end = runtime.record(arn).state();
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.Runtime", end.error());
    assertTrue(end.cause().endsWith("The state/task 'Again' returned a result nested deeper than 500 levels."), end.cause());
    List<String> history = runtime.history(arn);
    assertTrue(history.get(history.size() - 1).contains("ExecutionFailed"), history.toString());
  }

  @Test
  void statesErrorFromTheInvoker_failsTheTaskOnTheFirstDelivery_notAsAPoisonMessage() {
    AtomicInteger calls = new AtomicInteger();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      calls.incrementAndGet();
      throw new io.stepwise.eval.StatesError("States.Runtime", "The parameter 'Bogus' is not a member of Invoke's request");
    });
    String arn = runtime.start(runtime.machine("bad-parameter", CALLS_A_TASK), "bad", "{}");
    runtime.runUntilDone(List.of(arn));
    ExecutionState end = runtime.record(arn).state();
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.Runtime", end.error());
    assertEquals("The parameter 'Bogus' is not a member of Invoke's request", end.cause());
    assertEquals(1, calls.get(), "one call: the same error on every delivery is not retried as a message");
    assertTrue(runtime.history(arn).stream().anyMatch(e -> e.contains("TaskFailed")), runtime.history(arn).toString());
  }

  @Test
  void poisonMessage_onItsLastDelivery_failsTheExecutionWithStatesRuntime_andACauseToActOn() {
    AtomicInteger calls = new AtomicInteger();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      calls.incrementAndGet();
      throw new IllegalStateException("connection refused");
    });
    String arn = runtime.start(runtime.machine("poison", CALLS_A_TASK), "poison", "{}");
    runtime.runUntilDone(List.of(arn));
    ExecutionState end = runtime.record(arn).state();
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.Runtime", end.error());
    assertTrue(end.cause().contains("in state 'Call'") && end.cause().contains("RedriveExecution"), end.cause());
    assertEquals(5, calls.get(), "one call per delivery, up to maxReceiveCount");
    assertEquals(List.of(), runtime.queue.deadLetters(), "nothing left parked for an execution that ended");
  }

  @Test
  void exceptionInsideTheEngine_failsTheExecution_notTheMessage() {
    Entropy broken = () -> {
      throw new IllegalStateException("a defect in the engine's inputs");
    };
    VirtualRuntime runtime = new VirtualRuntime(call -> TaskOutcome.success(Json.object()), new Engine(broken), 5, q -> q);
    String waits = """
        {"StartAt": "Wait", "States": {"Wait": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "f", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}""";
    String arn = runtime.start(runtime.machine("defect", waits), "defect", "{}");
    runtime.run(1); // one delivery is enough: the step that failed is not tried again
    ExecutionState end = runtime.record(arn).state();
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.Runtime", end.error());
    assertTrue(end.cause().startsWith("An internal error occurred in state 'Wait' (reference "), end.cause());
    assertTrue(!end.cause().contains("IllegalStateException"), "no Java internals: " + end.cause());
  }

  @Test
  void loopWithNoExit_endsAtTheEventLimit_withStepFunctionsOwnErrorAndMessage() {
    VirtualRuntime runtime = new VirtualRuntime(call -> TaskOutcome.success(Json.object()), new Engine(Entropy.secure(), 1000), 5, q -> q);
    String arn = runtime.start(runtime.machine("loop", LOOPS_FOR_EVER), "loop", "{\"go\": true}");
    runtime.runUntilDone(List.of(arn));
    ExecutionState end = runtime.record(arn).state();
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.Runtime", end.error());
    assertEquals("The execution reached the maximum number of history events (1000).", end.cause());
    List<String> history = runtime.history(arn);
    assertTrue(history.size() <= 1000, "history " + history.size());
    assertTrue(history.get(history.size() - 1).startsWith(history.size() + "<") && history.get(history.size() - 1)
        .contains(" ExecutionFailed "), history.get(history.size() - 1));
  }

  @Test
  void defaultEventLimit_isWellAboveStepFunctions() {
    assertTrue(Engine.DEFAULT_MAX_EVENTS >= 40 * 25_000);
  }
}
