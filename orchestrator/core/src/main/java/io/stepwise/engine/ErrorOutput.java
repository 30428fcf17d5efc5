package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.State;

/** What a matching Catch makes of an error: the next state's input, and its Assign. */
final class ErrorOutput {
  private ErrorOutput() {}

  static Transition.Caught apply(Transition t, State state, Catcher catcher, JsonNode errorOutput) {
    return Flow.of(state.base(), t, new Expressions(t)).caught(catcher, errorOutput);
  }
}
