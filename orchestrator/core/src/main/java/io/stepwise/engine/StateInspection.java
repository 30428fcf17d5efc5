package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.PathField;
import io.stepwise.asl.State;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.jsonata.Jsonata;
import io.stepwise.eval.jsonata.JsonataBindings;
import java.time.Instant;
import java.util.Map;

/**
 * The data at each processing step of one state, as TestState's inspection shows it: after
 * InputPath, Parameters, ItemsPath, ResultSelector and ResultPath, and a Map's evaluated limits. The same functions the engine runs,
 * applied again to the values of a finished test.
 */
public final class StateInspection {
  private final StateBase base;
  private final JsonNode rawInput;
  private final Scope scope;
  private final JsonataBindings bindings;

  private StateInspection(StateBase base, JsonNode rawInput, JsonNode context, Map<String, JsonNode> variables, Instant now) {
    this.base = base;
    this.rawInput = rawInput;
    this.scope = new Scope(rawInput, context, variables, Sources.fixed(now, 0));
    this.bindings = new JsonataBindings(rawInput, null, null, context, variables, Sources.fixed(now, 0));
  }

  /**
   * The steps of {@code state}, entered at {@code now} in {@code info}, seeing the context object
   * the engine gave it: {@code given} whole when there is one, else its own.
   */
  public static StateInspection of(State state, ExecutionInfo info, ObjectNode given, Map<String, JsonNode> variables,
      Instant now) {
    ObjectNode context = given != null ? ContextObject.given(given, null) : ContextObject.of(info, state, state.name(), now, 0, null);
    return new StateInspection(state.base(), info.input(), context, variables, now);
  }

  /** A Pass state's Parameters applied to the data after InputPath (that data when it has none). */
  public JsonNode afterParameters() {
    JsonNode selected = afterInputPath();
    return base.parameters() == null ? selected : base.parameters().evaluate(scope.withInput(selected));
  }

  /** A Map's items: its ItemsPath applied to the data after InputPath. */
  public JsonNode afterItemsPath(State.Map map) {
    return DataFlow.select(new PathField(map.itemsPath()), scope.withInput(afterInputPath()));
  }

  /** A Map's MaxConcurrency or ToleratedFailure* as the state evaluates it; null when it has none. */
  public JsonNode limit(State.Seconds field) {
    if (field == null) return null;
    if (field.path() != null) return DataFlow.select(new PathField(field.path()), scope.withInput(afterInputPath()));
    return base.isJsonata() ? Jsonata.evaluateTemplate(field.literal(), bindings, field.fieldName()) : field.literal();
  }

  public JsonNode afterInputPath() {
    return DataFlow.select(base.inputPath(), scope);
  }

  public JsonNode afterResultSelector(JsonNode result) {
    return base.resultSelector() == null ? result : base.resultSelector().evaluate(scope.withInput(result));
  }

  public JsonNode afterResultPath(JsonNode selected) {
    return DataFlow.applyResultPath(base.resultPath(), rawInput, selected);
  }
}
