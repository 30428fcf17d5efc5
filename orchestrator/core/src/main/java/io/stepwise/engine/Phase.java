package io.stepwise.engine;

/** Where the current state stands: about to be entered, or waiting on the outside world. */
public enum Phase {
  /** The current state is next to be entered. */
  ENTER,
  /** A Task's call is out; a TaskSucceeded or TaskFailed event continues it. */
  AWAIT_TASK,
  /** A Wait state's timer is set; TimerFired continues it. */
  AWAIT_TIMER,
  /** A Retry interval is running; TimerFired re-runs the state's work. */
  AWAIT_RETRY,
  /** Parallel branches or Map iterations are running; ChildrenFinished continues it. */
  AWAIT_CHILDREN,
  /** The execution has ended. */
  DONE,
  /**
   * A callback or {@code .sync} Task's call was sent and answered (TaskSubmitted), or a worker
   * took an activity task (ActivityStarted); a TaskSucceeded or TaskFailed event brings its
   * outcome. Declared last: the ordinals seed each step's entropy.
   */
  AWAIT_OUTCOME
}
