package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.NUMBER;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Intrinsics for math operations. Both work on integers (Java ints, as in Step Functions). */
final class MathFunctions {
  private MathFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(
        IntrinsicFunction.of("States.MathRandom", MathFunctions::random, NUMBER, NUMBER, NUMBER)
            .withArity(2, 3),
        IntrinsicFunction.of("States.MathAdd", MathFunctions::add, NUMBER, NUMBER));
  }

  /**
   * An int in [start, end). The bounds are rounded to the nearest integer (as the docs say), the
   * seed cut towards zero. With a seed the result is
   * reproducible (Java's {@link Random}); without one it comes from the step's seeded generator.
   */
  private static JsonNode random(Args args) {
    int start = args.roundedInt(0);
    int end = args.roundedInt(1);
    RandomGenerator generator = args.size() == 3 ? new Random(args.truncatedInt(2)) : args.sources().random();
    if (start >= end) throw args.invalid();
    return Json.NODES.numberNode((int) generator.nextLong(start, end));
  }

  /** Each operand is rounded half up first: 1.5 + 1.51 is 4, -1.5 + 0 is -1 (recorded on AWS). */
  private static JsonNode add(Args args) {
    long sum = (long) args.roundedInt(0) + args.roundedInt(1);
    return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
  }
}
