package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.linkage;
import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import org.junit.jupiter.api.Test;

/**
 * A States.Runtime inside a Parallel branch or a Map iteration ends the execution where it
 * happened: no ParallelStateFailed, MapIterationFailed or MapStateFailed, nor a TaskStateAborted
 * for the Task it failed, as for a Map's own runtime error. AWS, measured in us-east-1 for
 * https://github.com/floci-io/floci/issues/2868 ("1 ExecutionStarted, 2 ParallelStateEntered P,
 * 3 ParallelStateStarted, 4 PassStateEntered Fast, 5 ExecutionFailed"), and the iteration and
 * Task shapes of its PR #3167.
 */
class BranchRuntimeErrorTest {
  private static final String MISSING = "The JSONPath '$.nope' specified for the field 'm.$' could not be found in the input ";

  @Test
  void aBranchsRuntimeError_failsTheExecutionWithoutParallelStateFailed() {
    ExecutionResult result = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Fast", "States": {"Fast": {"Type": "Pass", "Parameters": {"m.$": "$.nope"}, "End": true}}}]}}}""",
        "{\"x\": \"a\"}", TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, 4<3 PassStateEntered, "
        + "5<4 ExecutionFailed", linkage(result));
    assertEquals("States.Runtime", result.error());
    assertEquals("An error occurred while executing the state 'Fast' (entered at the event id #4). " + MISSING
        + "'{\"x\":\"a\"}'", result.cause());
  }

  @Test
  void anIterationsRuntimeError_leavesNoIterationOrMapFailedEvent() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1, "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Fast",
            "States": {"Fast": {"Type": "Pass", "Parameters": {"m.$": "$.nope"}, "End": true}}}}}}""",
        "{\"items\": [1, 2]}", TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, 4<3 MapIterationStarted, "
        + "5<4 PassStateEntered, 6<5 ExecutionFailed", linkage(result));
    assertEquals("An error occurred while executing the state 'Fast' (entered at the event id #5). " + MISSING + "'1'",
        result.cause());
  }

  @Test
  void aBranchTasksRuntimeError_leavesNoTaskStateAborted() {
    ExecutionResult result = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
            "Parameters": {"QueueUrl.$": "$.nope", "MessageBody": "hi"}, "End": true}}}]}}}""",
        "{\"x\": \"a\"}", TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, 4<3 TaskStateEntered, "
        + "5<4 ExecutionFailed", linkage(result));
    assertEquals("States.Runtime", result.error());
  }

  /** States.Runtime is never tolerated: "will always cause the execution to fail" (developer guide, error names). */
  @Test
  void aToleratedMap_stillEndsOnAnIterationsRuntimeError() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
          "ToleratedFailurePercentage": 100, "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Fast",
            "States": {"Fast": {"Type": "Pass", "Parameters": {"m.$": "$.nope"}, "End": true}}}}}}""",
        "{\"items\": [1, 2]}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("States.Runtime", result.error());
  }
}
