package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.eval.JsonPath;
import io.stepwise.eval.intrinsics.Intrinsics;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks of JSONPath fields: Paths (InputPath, OutputPath), Reference Paths (ResultPath and the
 * {@code *Path} fields) and payload templates, whose {@code .$} fields hold a path or an intrinsic
 * function call. Paths may also start with {@code $$} (the context object) or {@code $name} (a
 * variable), except ResultPath.
 */
final class PathChecks {
  private final FieldChecks fields;

  PathChecks(FieldChecks fields) {
    this.fields = fields;
  }

  /** InputPath/OutputPath: any path (context and variable paths too), or null. */
  void path(JsonNode value, String loc, String field) {
    if (value.isNull()) return;
    if (!fields.string(value, loc)) return;
    JsonPath path = compile(value.asText());
    if (path == null) fields.problems.add(Diagnostics.INVALID_JSONPATH, loc,
        "The value for the field '" + field + "' must be a valid JSONPath: " + value.asText());
  }

  /** A *Path field: a Reference Path (names, indexes, plain filters), on the input, context or a variable. */
  void referencePath(JsonNode value, String loc, String field) {
    if (!fields.string(value, loc)) return;
    JsonPath path = compile(value.asText());
    if (path == null || !path.isReadableReferencePath()) fields.problems.add(Diagnostics.INVALID_JSONPATH, loc,
        "The value for the field '" + field + "' must be a valid ReferencePath: " + value.asText());
  }

  /** ResultPath: null, or a Reference Path on the state input (no context object, no variables). */
  void resultPath(JsonNode value, String loc) {
    if (value.isNull()) return;
    if (!fields.string(value, loc)) return;
    String text = value.asText();
    JsonPath path = text.startsWith("$") && !text.startsWith("$$") && !startsWithVariable(text)
        ? compile(text) : null;
    if (path == null || !path.isReferencePath()) fields.problems.add(Diagnostics.INVALID_JSONPATH, loc,
        "The value for the field 'ResultPath' must be a valid ReferencePath: " + text);
  }

  /** A path or an intrinsic function call, as ErrorPath, CausePath and {@code .$} fields accept. */
  void pathOrIntrinsic(JsonNode value, String loc, String field, boolean reference) {
    if (!fields.string(value, loc)) return;
    String text = value.asText();
    if (Intrinsics.isCall(text)) {
      intrinsic(text, loc);
      return;
    }
    JsonPath path = compile(text);
    if (path == null || (reference && !path.isReadableReferencePath())) {
      // AWS's words, as CreateStateMachine errors quote them for a payload template field
      fields.problems.add(Diagnostics.INVALID_JSONPATH, loc, "The value for the field '" + field
          + "' must be a valid " + (reference ? "ReferencePath" : "JSONPath") + " or a valid intrinsic function call");
    }
  }

  /**
   * Parameters, ResultSelector, ItemSelector, Assign...: any JSON value (AWS accepts arrays and
   * scalars too, though the spec says object), whose {@code .$} fields, at any depth, hold a path
   * or an intrinsic function call.
   */
  void template(JsonNode value, String loc) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        String here = at(loc, key);
        if (key.endsWith(".$")) {
          pathOrIntrinsic(e.getValue(), here, key, false);
        } else {
          template(e.getValue(), here);
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) template(value.get(i), at(loc, i));
    }
  }

  private void intrinsic(String text, String loc) {
    try {
      Intrinsics.parse(text);
    } catch (IllegalArgumentException e) {
      fields.problems.add(Diagnostics.INVALID_INTRINSIC, loc, e.getMessage());
    }
  }

  /**
   * Compiles a path that starts with {@code $} (input), {@code $$} (context object) or
   * {@code $name} (a variable); null when malformed.
   */
  static JsonPath compile(String text) {
    if (!text.startsWith("$")) return null;
    String rest = text.startsWith("$$") ? text.substring(2) : text.substring(variableEnd(text));
    try {
      return JsonPath.compile("$" + rest);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWithVariable(String text) {
    return variableEnd(text) > 1;
  }

  /** Index just past a variable name that follows the leading {@code $} (1 when there is none). */
  private static int variableEnd(String text) {
    int i = 1;
    if (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
      while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
    }
    return i;
  }
}
