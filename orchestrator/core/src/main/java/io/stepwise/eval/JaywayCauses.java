package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;

/** What Jayway JsonPath, which Step Functions evaluates JSONPath with, says where it stops a path. */
final class JaywayCauses {
  private JaywayCauses() {}

  /**
   * Jayway's message where it stops a path in its definite beginning, before its last step, which Step Functions
   * quotes in its cause: a missing property ({@code Missing property in path $['a']} for
   * {@code $.a.b} on {@code {}}), an index on null ({@code The path $['a'] is null}) or on another
   * non-array ({@code Filter: [0]['b'] can only be applied to arrays. Current context is: 5}), or
   * several properties before the last step ({@code Multi properties can only be used as path
   * leafs: $['a', 'b']}, as AWS's console showed for {@code $['a', 'b'].v}).
   * {@code tail} is the text of the steps past the definite beginning {@code steps} ("" for a
   * definite path), where Jayway no longer stops.
   * Null when the path matches, ends otherwise (a missing last step is "No results" instead), or
   * names a property on a non-object, where Jayway's text names its JSON provider's classes.
   */
  static String notFound(Segment.Definite[] steps, JsonNode root, String tail) {
    JsonNode node = root;
    StringBuilder prefix = new StringBuilder("$");
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] instanceof Segment.Index && !node.isArray()) {
        return notAnArray(prefix.toString(), rest(steps, i, tail), node);
      }
      if (steps[i] instanceof Segment.Names names && i < steps.length - 1) {
        return node.isObject() ? "Multi properties can only be used as path leafs: " + prefix + names.listed() : null;
      }
      prefix.append(steps[i].canonical());
      JsonNode next = steps[i].step(node);
      if (next == null) {
        boolean inner = i < steps.length - 1 || !tail.isEmpty();
        return inner && steps[i] instanceof Segment.Name && node instanceof ObjectNode
            ? "Missing property in path " + prefix : null;
      }
      node = next;
    }
    return null;
  }

  /**
   * Jayway's text where the first step past a path's definite beginning {@code prefix} cannot
   * apply to {@code node} (see {@link Segment#appliesTo}): {@code tail} is that step's text on.
   */
  static String notApplicable(Segment first, String prefix, String tail, JsonNode node) {
    if (first instanceof Segment.Filter) {
      return "Filter: [?] can not be applied to primitives. Current context is: " + context(node);
    }
    return notAnArray(prefix, tail, node);
  }

  /**
   * Jayway's text where an index step of a path's definite beginning meets a value that is neither
   * an array nor null ({@code Filter: [0] can only be applied to arrays. Current context is: 1}),
   * the one stop an intrinsic's path argument quotes: a missing property there is "could not be
   * found" instead. Null for any other miss.
   */
  static String indexOnNonArray(Segment.Definite[] steps, JsonNode root, String tail) {
    JsonNode node = root;
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] instanceof Segment.Index && !node.isArray()) {
        return node.isNull() ? null : notAnArray("", rest(steps, i, tail), node);
      }
      if (steps[i] instanceof Segment.Names) return null;
      node = steps[i].step(node);
      if (node == null) return null;
    }
    return null;
  }

  private static String rest(Segment.Definite[] steps, int i, String tail) {
    StringBuilder rest = new StringBuilder();
    for (int j = i; j < steps.length; j++) rest.append(steps[j].canonical());
    return rest.append(tail).toString();
  }

  // Jayway's ArrayPathToken.checkArrayModel: the token's text runs to the path's end.
  private static String notAnArray(String at, String rest, JsonNode node) {
    if (node.isNull()) return "The path " + at + " is null";
    return "Filter: " + rest + " can only be applied to arrays. Current context is: " + context(node);
  }

  /**
   * A value as Jayway prints its JSON provider's (json-smart's) model: a string bare, an object
   * as a Java map ({@code {a=1, b=x}}), an array as JSON.
   */
  private static String context(JsonNode node) {
    if (node.isTextual()) return node.textValue();
    if (!node.isObject()) return Json.write(node);
    StringBuilder map = new StringBuilder("{");
    node.fields().forEachRemaining(e -> map.append(map.length() > 1 ? ", " : "").append(e.getKey()).append('=')
        .append(context(e.getValue())));
    return map.append('}').toString();
  }
}
