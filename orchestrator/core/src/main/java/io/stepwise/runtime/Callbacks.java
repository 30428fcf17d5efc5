package io.stepwise.runtime;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: what a worker holding a task token can
 * say about its task. Errors are {@link ApiException}s named as Step Functions names them:
 * {@code InvalidToken} (not a token Stepwise issued), {@code TaskTimedOut} (the task is no longer waiting: done, timed out, or the execution ended).
 */
public interface Callbacks {
  /** @param outputJson the task's result, JSON text */
  void sendTaskSuccess(String taskToken, String outputJson);

  void sendTaskFailure(String taskToken, String error, String cause);

  void sendTaskHeartbeat(String taskToken);
}
