package io.stepwise.eval.intrinsics;

import io.stepwise.json.Json;
import java.util.List;

/** Intrinsic for unique ID generation: a version 4 UUID from the step's seeded generator. */
final class UuidFunctions {
  private UuidFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(IntrinsicFunction.of("States.UUID", args -> Json.text(args.sources().uuid().toString())));
  }
}
