package io.stepwise.functions;

import java.util.Map;

/** Starts another run of a function without waiting for it (Lambda Invoke, InvocationType Event). */
@FunctionalInterface
public interface SelfInvoker {
  /**
   * Queues an asynchronous invocation of the named function with this payload.
   *
   * @param functionName the function's name or ARN
   * @param payload a JSON object, as the handler's input map holds one
   */
  void invokeAsync(String functionName, Map<String, Object> payload);
}
