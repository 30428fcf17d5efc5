package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.ANY;
import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.BOOLEAN;
import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.OBJECT;
import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.List;

/** Intrinsics for JSON data manipulation. */
final class JsonFunctions {
  private JsonFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(
        IntrinsicFunction.of("States.JsonMerge", JsonFunctions::merge, OBJECT, OBJECT, BOOLEAN),
        IntrinsicFunction.of("States.StringToJson", JsonFunctions::stringToJson, STRING),
        IntrinsicFunction.of("States.JsonToString", a -> Json.text(a.printed(0)), ANY));
  }

  /** A shallow merge: the second object's members replace the first's. Step Functions has no deep mode. */
  private static JsonNode merge(Args args) {
    ObjectNode first = args.object(0);
    ObjectNode second = args.object(1);
    if (args.bool(2)) throw args.invalid();
    ObjectNode merged = Json.object();
    merged.setAll(first);
    merged.setAll(second);
    return merged;
  }

  /** AWS reads an empty or all-blank string as JSON null (recorded: "" and " " give null). */
  private static JsonNode stringToJson(Args args) {
    String text = args.string(0);
    if (text.isBlank()) return Json.NODES.nullNode();
    try {
      JsonNode parsed = Json.parse(text);
      if (parsed == null || parsed.isMissingNode()) throw args.invalid();
      return parsed;
    } catch (IllegalArgumentException notJson) {
      throw args.invalid();
    }
  }
}
