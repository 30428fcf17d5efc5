package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.ANY;
import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.ARRAY;
import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.NUMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Intrinsics for arrays. Results share their elements with the arguments (nodes are immutable). */
final class ArrayFunctions {
  /** States.ArrayRange refuses to build more items than this. */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(
        IntrinsicFunction.varargs("States.Array", 0, ArrayFunctions::array, ANY),
        IntrinsicFunction.of("States.ArrayPartition", ArrayFunctions::partition, ARRAY, NUMBER),
        IntrinsicFunction.of("States.ArrayContains", ArrayFunctions::contains, ARRAY, ANY),
        IntrinsicFunction.of("States.ArrayRange", ArrayFunctions::range, NUMBER, NUMBER, NUMBER),
        IntrinsicFunction.of("States.ArrayGetItem", ArrayFunctions::getItem, ARRAY, NUMBER),
        IntrinsicFunction.of("States.ArrayLength", a -> Json.NODES.numberNode(a.array(0).size()), ARRAY),
        IntrinsicFunction.of("States.ArrayUnique", ArrayFunctions::unique, ARRAY));
  }

  private static JsonNode array(Args args) {
    return Json.array().addAll(args.all());
  }

  /** A chunk size that is not an integer is rounded to the nearest one, as the docs say. */
  private static JsonNode partition(Args args) {
    ArrayNode array = args.array(0);
    int size = args.roundedInt(1);
    if (size <= 0) throw args.invalid();
    ArrayNode chunks = Json.array();
    for (int from = 0; from < array.size(); from += size) {
      ArrayNode chunk = chunks.addArray();
      for (int i = from; i < Math.min(array.size(), from + size); i++) chunk.add(array.get(i));
    }
    return chunks;
  }

  private static JsonNode contains(Args args) {
    ArrayNode array = args.array(0);
    JsonNode wanted = args.get(1);
    for (JsonNode item : array) {
      if (item.equals(wanted)) return Json.NODES.booleanNode(true);
    }
    return Json.NODES.booleanNode(false);
  }

  /** From start to end inclusive, counting up or down by step, each rounded to an integer. */
  private static JsonNode range(Args args) {
    long start = args.roundedInt(0);
    long end = args.roundedInt(1);
    long step = args.roundedInt(2);
    if (step == 0) throw args.invalid();
    long count = (step > 0 ? end >= start : end <= start) ? (end - start) / step + 1 : 0;
    if (count > MAX_RANGE_ITEMS) throw args.invalid();
    ArrayNode out = Json.array();
    for (long i = 0, value = start; i < count; i++, value += step) out.add((int) value);
    return out;
  }

  private static JsonNode getItem(Args args) {
    ArrayNode array = args.array(0);
    int index = args.truncatedInt(1);
    if (index < 0 || index >= array.size()) throw args.invalid();
    return array.get(index);
  }

  /** Keeps the first occurrence of each value, in order. */
  private static JsonNode unique(Args args) {
    Set<JsonNode> seen = new LinkedHashSet<>();
    args.array(0).forEach(seen::add);
    return Json.array().addAll(seen);
  }
}
