package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** String in, String out: the runtime reads a JSON string and writes one. */
public class Greeter implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String name, Context context) {
    return "Hello, " + name + "!";
  }
}
