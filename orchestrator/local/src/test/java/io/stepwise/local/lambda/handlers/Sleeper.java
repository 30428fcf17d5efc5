package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.Semaphore;

/** Sleeps for {@code millis}, then answers "done". */
public class Sleeper implements RequestHandler<Map<String, Object>, String> {
  /** One permit per invocation that has begun sleeping: tests wait on it instead of guessing. */
  public static final Semaphore STARTED = new Semaphore(0);

  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    STARTED.release();
    try {
      Thread.sleep(((Number) input.getOrDefault("millis", 0)).longValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "done";
  }
}
