package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Intrinsic for unique ID generation. */
final class UuidFunctions {
  private UuidFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(IntrinsicFunction.of("States.UUID", args -> Json.text(uuid4(args.random()).toString())));
  }

  /** A version 4 (random) UUID drawn from {@code random}. */
  static UUID uuid4(RandomGenerator random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
