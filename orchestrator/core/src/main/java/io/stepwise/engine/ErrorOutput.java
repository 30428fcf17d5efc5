package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.State;
import io.stepwise.eval.jsonata.JsonataBindings;
import java.util.Map;

/** What a matching Catch makes of an error: the next state's input, and its Assign. */
final class ErrorOutput {
  private ErrorOutput() {}

  static Transition.Caught apply(Transition t, State state, Catcher catcher, JsonNode errorOutput) {
    Expressions expressions = new Expressions(t);
    if (state.base().isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, errorOutput);
      JsonNode output = catcher.output() == null ? errorOutput : expressions.jsonata(catcher.output(), bindings, "Output");
      Map<String, JsonNode> assigned = expressions.assign(catcher.assign(), errorOutput, bindings);
      return new Transition.Caught(output, assigned);
    }
    JsonNode output = DataFlow.applyResultPath(catcher.resultPath(), t.stateInput(), errorOutput);
    Map<String, JsonNode> assigned = expressions.assign(catcher.assign(), errorOutput, null);
    return new Transition.Caught(output, assigned);
  }
}
