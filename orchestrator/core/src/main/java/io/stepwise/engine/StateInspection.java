package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import java.time.Instant;
import java.util.Map;

/**
 * The data at each JSONPath processing step of one state, as TestState's inspection shows it:
 * after InputPath, after ResultSelector, after ResultPath. The same functions the engine runs,
 * applied again to the values of a finished test.
 */
public final class StateInspection {
  private final StateBase base;
  private final JsonNode rawInput;
  private final Scope scope;

  /** @param context the context object the state saw ({@code $$}) */
  public StateInspection(StateBase base, JsonNode rawInput, JsonNode context, Map<String, JsonNode> variables, Instant now) {
    this.base = base;
    this.rawInput = rawInput;
    this.scope = new Scope(rawInput, context, variables, Sources.fixed(now, 0));
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
