package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Remembers each input, so tests can see asynchronous (Event) invocations arrive. */
public class Recorder implements RequestHandler<Map<String, Object>, String> {
  public static final BlockingQueue<Map<String, Object>> RECEIVED = new LinkedBlockingQueue<>();

  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    RECEIVED.add(input);
    return "recorded";
  }
}
