package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Assign;
import io.stepwise.asl.State;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.Scope;
import io.stepwise.eval.jsonata.Jsonata;
import io.stepwise.eval.jsonata.JsonataBindings;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Evaluation of Assign blocks, JSONata fields and result processing for the current state. */
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
   * Leaves a Task, Parallel or Map with its result: JSONata Output (default: the result), or
   * JSONPath ResultSelector, ResultPath and OutputPath; Assign sees the (selected) result.
   */
  void exitWithResult(State state, JsonNode result) {
    StateBase base = state.base();
    if (base.isJsonata()) {
      JsonataBindings bindings = bindings(result, null);
      JsonNode output = base.output() == null ? result : jsonata(base.output(), bindings, "Output");
      t.exit(state, output, assign(base.assign(), null, bindings), base.next());
      return;
    }
    Scope raw = t.scope(t.stateInput());
    JsonNode selected = base.resultSelector() == null ? result : base.resultSelector().evaluate(raw.withInput(result));
    Map<String, JsonNode> assigned = assign(base.assign(), selected, null);
    JsonNode combined = DataFlow.applyResultPath(base.resultPath(), t.stateInput(), selected);
    t.exit(state, DataFlow.select(base.outputPath(), raw.withInput(combined)), assigned, base.next());
  }

  /**
   * The variables an Assign block sets, all evaluated against the values before the state, as
   * Step Functions does. JSONPath Assign reads {@code $} as {@code pathInput}.
   */
  Map<String, JsonNode> assign(Assign assign, JsonNode pathInput, JsonataBindings bindings) {
    if (assign == null) return Map.of();
    JsonNode values = assign.compiled() != null
        ? assign.compiled().evaluate(t.scope(pathInput))
        : Jsonata.evaluateTemplate(assign.raw(), bindings, "Assign");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
