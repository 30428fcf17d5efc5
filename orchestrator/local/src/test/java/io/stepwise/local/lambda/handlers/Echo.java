package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Returns its input, whatever JSON it is (the Java runtime reads Object as maps, lists, scalars). */
public class Echo implements RequestHandler<Object, Object> {
  @Override
  public Object handleRequest(Object input, Context context) {
    context.getLogger().log("echoing " + input + "\n");
    return input;
  }
}
