package io.stepwise.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records the asynchronous invocations the random-error function asks for. */
final class RecordingSelfInvoker implements SelfInvoker {
  record Invocation(String functionName, Map<String, Object> payload) {}

  final List<Invocation> invocations = new ArrayList<>();

  @Override
  public void invokeAsync(String functionName, Map<String, Object> payload) {
    invocations.add(new Invocation(functionName, Collections.unmodifiableMap(new LinkedHashMap<>(payload))));
  }
}
