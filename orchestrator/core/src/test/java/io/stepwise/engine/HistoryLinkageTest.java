package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.linkage;
import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event types, order and previousEventId as Step Functions writes them (GetExecutionHistory). */
class HistoryLinkageTest {
  @Test
  void mapIterations_linkToTheIterationBefore_andTheEndEventsAreWrittenAside() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""", "[1, 2]",
        TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, "
        + "4<3 MapIterationStarted, 5<4 PassStateEntered, 6<5 PassStateExited, 7<6 MapIterationSucceeded, "
        + "8<6 MapIterationStarted, 9<8 PassStateEntered, 10<9 PassStateExited, 11<10 MapIterationSucceeded, "
        + "12<11 MapStateSucceeded, 13<11 MapStateExited, 14<13 ExecutionSucceeded", linkage(result));
  }

  @Test
  void retriedMap_writesNoMapStateFailed_andStartsAgainFromTheFailedIteration() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
          "Retry": [{"ErrorEquals": ["Bad"], "MaxAttempts": 1, "IntervalSeconds": 1}],
          "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Bad"}}}}}}""", "[1]",
        TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, 4<3 MapIterationStarted, "
        + "5<4 FailStateEntered, 6<5 MapIterationFailed, 7<5 MapStateStarted, 8<7 MapIterationStarted, "
        + "9<8 FailStateEntered, 10<9 MapIterationFailed, 11<9 MapStateFailed, 12<11 ExecutionFailed", linkage(result));
  }

  @Test
  void failedTask_showsTaskStarted_andACatchExitsFromTaskFailed() {
    ExecutionResult result = run("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}], "End": true},
          "H": {"Type": "Succeed"}}}""", "{}", new EngineTestSupport.Script().fail("Lambda.ResourceNotFoundException", "gone"));
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 TaskScheduled, 4<3 TaskStarted, 5<4 TaskFailed, "
        + "6<5 TaskStateExited, 7<6 SucceedStateEntered, 8<7 SucceedStateExited, 9<8 ExecutionSucceeded",
        linkage(result));
  }

  @Test
  void timedOutTask_isTaskTimedOut() {
    ExecutionResult result = run("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "f"}, "End": true}}}""", "{}",
        new EngineTestSupport.Script().fail("States.Timeout", null));
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskTimedOut",
        "ExecutionFailed"), EngineTestSupport.types(result));
  }

  @Test
  void jsonataEvaluationError_isEvaluationFailed_linkedToTheEventBeforeTheState() {
    ExecutionResult result = run("""
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "M"},
          "M": {"Type": "Map", "Items": "{% 1 %}", "End": true,
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""", "{}",
        TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 PassStateEntered, 3<2 PassStateExited, 4<3 MapStateEntered, "
        + "5<3 EvaluationFailed, 6<5 MapStateFailed, 7<6 ExecutionFailed", linkage(result));
  }

  @Test
  void parallelBranches_linkToParallelStateStarted_andTheExitToTheLastBranchEvent() {
    ExecutionResult result = run("""
        {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}""", "{}", TaskInvoker.NONE);
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, "
        + "4<3 PassStateEntered, 5<4 PassStateExited, 6<3 PassStateEntered, 7<6 PassStateExited, "
        + "8<7 ParallelStateSucceeded, 9<7 ParallelStateExited, 10<9 ExecutionSucceeded", linkage(result));
  }
}
