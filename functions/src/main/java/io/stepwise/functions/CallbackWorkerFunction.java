package io.stepwise.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers a task token: the worker side of the {@code .waitForTaskToken} pattern.
 *
 * <p>Input:
 * <pre>{@code
 * {"taskToken": "...",        required: the $$.Task.Token the waiting Task state handed out
 *  "succeed": true,           optional, default true
 *  "output": {...},           on success: any JSON value, the Task's result (default {})
 *  "error": "...",            on failure: the error name the Task fails with (optional)
 *  "cause": "...",            on failure: its cause (optional)
 *  "sleepMillis": 0}          optional: wait this long before answering
 * }</pre>
 * A state machine passes it like this:
 * {@code "Parameters": {"FunctionName": "...", "Payload": {"taskToken.$": "$$.Task.Token",
 * "output.$": "$"}}} with {@code "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken"}.
 *
 * <p>With succeed true it calls SendTaskSuccess with output serialized as JSON; with false,
 * SendTaskFailure with error and cause. It returns {@code {"sent": "SendTaskSuccess"}} or
 * {@code {"sent": "SendTaskFailure"}}. Errors the API returns (TaskTimedOut, InvalidToken,
 * TaskDoesNotExist) are thrown, so this function's own caller sees e.g.
 * {@code software.amazon.awssdk.services.sfn.model.TaskTimedOutException}.
 *
 * <p>Handler: {@code io.stepwise.functions.CallbackWorkerFunction::handleRequest}. Environment:
 * {@code STEPWISE_SFN_ENDPOINT} overrides the Step Functions endpoint (see {@link SfnTaskCallbacks}).
 */
public final class CallbackWorkerFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final TaskCallbacks callbacks;

  /** Lambda's constructor: a real SfnClient. */
  public CallbackWorkerFunction() {
    this(SfnTaskCallbacks.fromEnvironment());
  }

  public CallbackWorkerFunction(TaskCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> input = event == null ? Map.of() : event;
    String taskToken = Inputs.string(input, "taskToken");
    if (taskToken == null || taskToken.isEmpty()) {
      throw new IllegalArgumentException("taskToken is required");
    }
    boolean succeed = Inputs.bool(input, "succeed", true);
    String error = Inputs.string(input, "error");
    String cause = Inputs.string(input, "cause");
    // Serialize before sleeping so a bad input fails at once.
    String output = succeed ? Json.write(input.getOrDefault("output", Map.of())) : null;
    Sleep.millis(Inputs.integer(input, "sleepMillis", 0));

    Map<String, Object> result = new LinkedHashMap<>();
    if (succeed) {
      callbacks.sendTaskSuccess(taskToken, output);
      result.put("sent", "SendTaskSuccess");
    } else {
      callbacks.sendTaskFailure(taskToken, error, cause);
      result.put("sent", "SendTaskFailure");
    }
    return result;
  }
}
