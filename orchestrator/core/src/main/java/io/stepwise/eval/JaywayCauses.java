package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.JsonPath.Segment;
import io.stepwise.json.Json;

/** What Jayway JsonPath, which Step Functions evaluates JSONPath with, says where it stops a path. */
final class JaywayCauses {
  private JaywayCauses() {}

  /**
   * Jayway's message where it stops a definite path before its last step, which Step Functions
   * quotes in its cause: a missing property ({@code Missing property in path $['a']} for
   * {@code $.a.b} on {@code {}}), an index on null ({@code The path $['a'] is null}) or on another
   * non-array ({@code Filter: [0]['b'] can only be applied to arrays. Current context is: 5}), or
   * several properties before the last step ({@code Multi properties can only be used as path
   * leafs: $['a', 'b']}, as AWS's console showed for {@code $['a', 'b'].v}).
   * Null when the path matches, ends otherwise (a missing last step is "No results" instead), or
   * names a property on a non-object, where Jayway's text names its JSON provider's classes.
   */
  static String notFound(Segment.Definite[] steps, JsonNode root) {
    JsonNode node = root;
    StringBuilder prefix = new StringBuilder("$");
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] instanceof Segment.Index && !node.isArray()) return notAnArray(steps, prefix.toString(), i, node);
      if (steps[i] instanceof Segment.Names names && i < steps.length - 1) {
        return node.isObject() ? "Multi properties can only be used as path leafs: " + prefix + names.listed() : null;
      }
      prefix.append(steps[i].canonical());
      JsonNode next = steps[i].step(node);
      if (next == null) {
        boolean inner = i < steps.length - 1;
        return inner && steps[i] instanceof Segment.Name && node instanceof ObjectNode
            ? "Missing property in path " + prefix : null;
      }
      node = next;
    }
    return null;
  }

  // Jayway's ArrayPathToken.checkArrayModel: the token's text runs to the path's end, and the
  // context is the provider's unwrapped value (a string bare, other values as JSON).
  private static String notAnArray(Segment.Definite[] steps, String at, int i, JsonNode node) {
    if (node.isNull()) return "The path " + at + " is null";
    StringBuilder rest = new StringBuilder();
    for (int j = i; j < steps.length; j++) rest.append(steps[j].canonical());
    String context = node.isTextual() ? node.textValue() : Json.write(node);
    return "Filter: " + rest + " can only be applied to arrays. Current context is: " + context;
  }
}
