package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Assign;
import io.stepwise.eval.jsonata.Jsonata;
import io.stepwise.eval.jsonata.JsonataBindings;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Evaluation of Assign blocks and JSONata fields for the current state. */
final class Expressions {
  private final Transition t;

  Expressions(Transition t) {
    this.t = t;
  }

  /** $states for a JSONata field: the raw input, and the result or error output when there is one. */
  JsonataBindings bindings(JsonNode result, JsonNode errorOutput) {
    return new JsonataBindings(t.stateInput(), result, errorOutput, t.context(), t.variables(), t.sources());
  }

  /** A JSONata field's value: a {@code {% %}} string evaluated, any other JSON as a template. */
  JsonNode jsonata(JsonNode field, JsonataBindings bindings, String fieldName) {
    return Jsonata.evaluateTemplate(field, bindings, fieldName);
  }

  /**
   * The variables an Assign block sets, all evaluated against the values before the state, as
   * Step Functions does. JSONPath Assign reads {@code $} as {@code pathInput}.
   */
  Map<String, JsonNode> assign(Assign assign, JsonNode pathInput, JsonataBindings bindings) {
    return assign(assign, pathInput, bindings, "Assign");
  }

  /** {@link #assign(Assign, JsonNode, JsonataBindings)}, a failure naming the block {@code field} ({@code Choices[0]/Assign}). */
  Map<String, JsonNode> assign(Assign assign, JsonNode pathInput, JsonataBindings bindings, String field) {
    if (assign == null) return Map.of();
    JsonNode values = assign.compiled() != null
        ? assign.compiled().evaluate(t.scope(pathInput))
        : Jsonata.evaluateTemplate(assign.raw(), bindings, field);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
