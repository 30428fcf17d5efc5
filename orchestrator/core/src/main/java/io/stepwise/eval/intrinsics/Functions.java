package io.stepwise.eval.intrinsics;

import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.stream.Stream;

/** Every {@code States.*} function, by name, grouped as the AWS docs group them. */
final class Functions {
  private static final Map<String, IntrinsicFunction> BY_NAME = index(Stream.of(
          ArrayFunctions.all(),
          EncodingFunctions.all(),
          JsonFunctions.all(),
          MathFunctions.all(),
          StringFunctions.all(),
          UuidFunctions.all(),
          List.of(FormatFunction.FUNCTION))
      .flatMap(List::stream)
      .toList());

  private Functions() {}

  /** The function called {@code name} (e.g. "States.Format"), or null if there is none. */
  static IntrinsicFunction byName(String name) {
    return BY_NAME.get(name);
  }

  private static Map<String, IntrinsicFunction> index(List<IntrinsicFunction> functions) {
    Map<String, IntrinsicFunction> byName = new HashMap<>();
    for (IntrinsicFunction function : functions) {
      if (byName.put(function.name(), function) != null) {
        throw new IllegalStateException("duplicate intrinsic " + function.name());
      }
    }
    return Map.copyOf(byName);
  }
}
