package io.stepwise.functions;

import java.util.ArrayList;
import java.util.List;

/** Records the task-token callbacks the callback worker sends. */
final class RecordingTaskCallbacks implements TaskCallbacks {
  record Success(String taskToken, String outputJson) {}

  record Failure(String taskToken, String error, String cause) {}

  final List<Object> sent = new ArrayList<>();

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    sent.add(new Success(taskToken, outputJson));
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    sent.add(new Failure(taskToken, error, cause));
  }
}
