package io.stepwise.engine;

/** Step Functions' execution statuses. */
public enum ExecutionStatus {
  RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

  public boolean isTerminal() {
    return this != RUNNING;
  }

  /**
   * Whether DescribeExecution shows the execution's error and cause: a timed-out one keeps them in
   * its ExecutionTimedOut event only, as AWS recorded (timeouts/test_timeouts::test_global_timeout).
   */
  public boolean describesError() {
    return this != TIMED_OUT;
  }
}
