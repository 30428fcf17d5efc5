package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What moves an execution forward: the input of {@link Engine#step}. */
public sealed interface Event {
  /** Enter the current state (the runtime's ordinary "next transition" message). */
  record Advance() implements Event {}

  record TaskSucceeded(JsonNode result) implements Event {}

  record TaskFailed(String error, String cause) implements Event {}

  /**
   * A callback or {@code .sync} Task's call was sent: {@code response} is the service's answer to
   * it (the message sent, the job or execution started). The outcome follows as TaskSucceeded or TaskFailed.
   */
  record TaskSubmitted(JsonNode response) implements Event {}

  /**
   * A worker's GetActivityTask received the activity task the execution waits on: written as
   * ActivityStarted then, as Step Functions writes it, not with the result.
   *
   * @param workerName the name the worker gave, or null
   */
  record ActivityStarted(String workerName) implements Event {}

  /**
   * The runtime found the Task's resource missing as it came to call it (an activity deleted):
   * the state fails as it is entered, with {@code States.Runtime}, never retried nor caught, as
   * Step Functions fails it (AWS-recorded test_activity_task_on_deleted).
   *
   * @param cause what is missing, as Step Functions says it ("The activity ARN does not exist.")
   */
  record ResourceMissing(String cause) implements Event {}

  /** A Wait state's or a Retry interval's timer is due. */
  record TimerFired() implements Event {}

  /**
   * Every child of a Parallel or Map has finished (or the run stopped early on failure).
   *
   * @param outcomes in branch / item order, each with its own history; children that never ran
   *     are absent. The engine writes their events into the parent's history, as Step Functions
   *     orders them.
   * @param tolerated the failures tolerated as UpdateMapRun set them, or null for the definition's
   * @param written a ResultWriter Map's result as given (TestState's mock), or null for the one it writes
   */
  record ChildrenFinished(List<ChildOutcome> outcomes, Long tolerated, JsonNode written) implements Event {
    public ChildrenFinished(List<ChildOutcome> outcomes) {
      this(outcomes, null, null);
    }

    public ChildrenFinished(List<ChildOutcome> outcomes, Long tolerated) {
      this(outcomes, tolerated, null);
    }
  }

  /** StopExecution: the execution ends ABORTED. */
  record Stop(String error, String cause) implements Event {}

  /**
   * The runtime gives up on the execution, which ends FAILED: a limit was reached, or the
   * runtime could not carry out its transition.
   */
  record RuntimeFailed(String error, String cause) implements Event {}

  /** The machine's TimeoutSeconds elapsed: the execution ends TIMED_OUT. */
  record TimedOut() implements Event {}

  /**
   * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from the state where it
   * stopped, with that state's input; the states that succeeded before are not run again.
   */
  record Redrive() implements Event {}

  Advance ADVANCE = new Advance();
  TimerFired TIMER_FIRED = new TimerFired();
}
