package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.linkage;
import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import org.junit.jupiter.api.Test;

/**
 * A Catch clause whose own Output fails: AWS records the clause's EvaluationFailed from where the
 * state stood before its first failed event, then fails the state a second time and the
 * execution with the clause's error. Read off AWS in us-east-1 for floci-io/floci#2868
 * (AslExecutorBranchHistoryEventsTest#catchClauseOutputFailureIsRecordedFromBeforeTheStateFailedEvent).
 */
class CatcherEvaluationFailedTest {

  /** A Parallel whose one branch fails with MyError, caught by {@code catchers}. */
  private static ExecutionResult caughtBy(String catchers) {
    return run("""
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Catch": %s, "Branches": [
            {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "MyError", "Cause": "my cause"}}}]},
          "Done": {"Type": "Pass", "End": true}}}""".formatted(catchers), "{\"x\": \"a\"}", TaskInvoker.NONE);
  }

  @Test
  void aCatchersFailedOutput_recordsEvaluationFailedAndASecondParallelStateFailed() {
    ExecutionResult result = caughtBy("""
        [{"ErrorEquals": ["Other"], "Next": "Done"},
         {"ErrorEquals": ["States.ALL"], "Output": {"v": "{% $states.input.missing %}"}, "Next": "Done"}]""");
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, 4<3 FailStateEntered, "
        + "5<4 ParallelStateFailed, 6<4 EvaluationFailed, 7<6 ParallelStateFailed, 8<7 ExecutionFailed", linkage(result));
    assertEquals("States.QueryEvaluationError", result.error());
    assertEquals("An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression "
        + "'$states.input.missing' specified for the field 'Catch[1]/Output/v' returned nothing (undefined).",
        result.cause());
  }

  @Test
  void aCatcherThatSucceeds_recordsNoEvaluationFailed() {
    ExecutionResult result = caughtBy("""
        [{"ErrorEquals": ["States.ALL"], "Output": {"v": "{% $states.errorOutput.Error %}"}, "Next": "Done"}]""");
    assertEquals("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, 4<3 FailStateEntered, "
        + "5<4 ParallelStateFailed, 6<5 ParallelStateExited, 7<6 PassStateEntered, 8<7 PassStateExited, "
        + "9<8 ExecutionSucceeded", linkage(result));
  }
}
