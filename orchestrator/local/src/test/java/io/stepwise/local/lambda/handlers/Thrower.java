package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Throws, as the docs' random-error function does at max depth. */
public class Thrower implements RequestHandler<Map<String, Object>, Object> {
  /** A custom error type: Step Functions matches on its name. */
  public static class MaxDepthError extends RuntimeException {
    public MaxDepthError(String message) {
      super(message);
    }
  }

  @Override
  public Object handleRequest(Map<String, Object> input, Context context) {
    context.getLogger().log("about to fail\n");
    if (input.containsKey("nullMessage")) throw new IllegalStateException();
    throw new MaxDepthError("Maximum depth reached: " + input.get("depth"));
  }
}
