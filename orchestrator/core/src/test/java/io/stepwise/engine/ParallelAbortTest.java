package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.linkage;
import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Parallel whose branch fails while others still run, in memory: the branches run side by side
 * on virtual time, and the failure aborts what the others run, as AWS's recordings show for a Map
 * (timeouts/test_service_lambda_map_timeout) and a one-branch Parallel
 * (callback/test_sqs_failure_in_wait_for_task_tok_no_error_field): the failing branch's Task
 * aborted, then the running ones', each and ParallelStateFailed linked to the failure's last event.
 */
class ParallelAbortTest {
  @Test
  void aBranchFailing_abortsTheWaitAnotherBranchIsIn() {
    ExecutionResult result = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 10, "End": true}}},
          {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "E", "Cause": "c"}}}]}}}""",
        "{}", new EngineTestSupport.Script());
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, 4<3 WaitStateEntered, "
        + "5<3 FailStateEntered, 6<5 WaitStateAborted, 7<5 ParallelStateFailed, 8<7 ExecutionFailed", linkage(result));
    assertEquals("E", result.error());
    // The Parallel fails when its branch did, not once the Wait would have ended.
    assertEquals(EngineTestSupport.T0, result.history().get(7).timestamp());
  }

  @Test
  void aBranchFailing_abortsTheTaskAnotherBranchWaitsOn_andCallsNoTaskAfterIt() {
    EngineTestSupport.Script tasks = new EngineTestSupport.Script().fail("States.Timeout", null);
    ExecutionResult result = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "f"}, "TimeoutSeconds": 5, "End": true}}},
          {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 1, "Next": "Boom"},
            "Boom": {"Type": "Fail", "Error": "E"}}},
          {"StartAt": "Later", "States": {"Later": {"Type": "Wait", "Seconds": 2, "Next": "Call"},
            "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "g"},
              "End": true}}}]}}}""", "{}", tasks);
    // Served in turn, as AWS's Map recording shows: the Task's start comes once the others entered.
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, "
        + "4<3 TaskStateEntered, 5<4 TaskScheduled, 6<3 WaitStateEntered, 7<3 WaitStateEntered, 8<5 TaskStarted, "
        + "9<6 WaitStateExited, 10<9 FailStateEntered, 11<10 TaskStateAborted, 12<10 WaitStateAborted, "
        + "13<10 ParallelStateFailed, 14<13 ExecutionFailed", linkage(result));
    assertEquals(List.of("Slow"), tasks.calls.stream().map(c -> c.stateName()).toList());
  }

  @Test
  void aBranchsFailingTask_isAborted_andTheOthersStillDoneAreNot() {
    ExecutionResult result = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "End": true}}},
          {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "f"}, "End": true}}}]}}}""",
        "{}", new EngineTestSupport.Script().fail("Lambda.Unknown", "gone"));
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, 4<3 PassStateEntered, "
        + "5<4 PassStateExited, 6<3 TaskStateEntered, 7<6 TaskScheduled, 8<7 TaskStarted, 9<8 TaskFailed, "
        + "10<9 TaskStateAborted, 11<9 ParallelStateFailed, 12<11 ExecutionFailed", linkage(result));
  }
}
