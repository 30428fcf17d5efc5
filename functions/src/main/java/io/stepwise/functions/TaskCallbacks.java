package io.stepwise.functions;

/** Step Functions' task-token callbacks; injectable so tests can record them. */
public interface TaskCallbacks {
  /** SendTaskSuccess: the waiting Task state succeeds with this output (JSON text). */
  void sendTaskSuccess(String taskToken, String outputJson);

  /** SendTaskFailure: the waiting Task state fails with this error and cause (either may be null). */
  void sendTaskFailure(String taskToken, String error, String cause);
}
