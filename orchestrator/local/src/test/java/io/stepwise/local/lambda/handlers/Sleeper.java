package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps for {@code millis}, then answers "done". */
public class Sleeper implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    try {
      Thread.sleep(((Number) input.getOrDefault("millis", 0)).longValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "done";
  }
}
