package io.stepwise.engine;

/** Step Functions' execution statuses. */
public enum ExecutionStatus {
  RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
