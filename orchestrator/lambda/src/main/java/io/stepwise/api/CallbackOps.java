package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.Callbacks;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat, handed to the runtime's
 * {@link Callbacks}, whose errors ({@code InvalidToken},
 * {@code TaskTimedOut}) pass through as they are.
 */
final class CallbackOps {
  /** Step Functions' limits on a task token and on a task's output. */
  private static final int MAX_TOKEN = 2048;
  private static final int MAX_OUTPUT_BYTES = 256 * 1024;

  private final Callbacks callbacks;

  CallbackOps(Callbacks callbacks) {
    this.callbacks = callbacks;
  }

  JsonNode success(Request request) {
    String token = token(request);
    String output = request.required("output");
    if (Json.utf8Length(output) > MAX_OUTPUT_BYTES) {
      throw new ApiException("InvalidOutput", "The output exceeds the maximum size of " + MAX_OUTPUT_BYTES + " bytes.");
    }
    try {
      Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    callbacks.sendTaskSuccess(token, output);
    return Json.object();
  }

  JsonNode failure(Request request) {
    String token = token(request);
    callbacks.sendTaskFailure(token, request.string("error", 256), request.string("cause", 32768));
    return Json.object();
  }

  JsonNode heartbeat(Request request) {
    callbacks.sendTaskHeartbeat(token(request));
    return Json.object();
  }

  private static String token(Request request) {
    String token = request.required("taskToken");
    if (token.isEmpty() || token.length() > MAX_TOKEN) {
      throw new ApiException("InvalidToken", "Invalid Token: 'The task token must be 1 to " + MAX_TOKEN + " characters long'");
    }
    return token;
  }
}
