package io.stepwise.asl;

import java.util.Map;

/**
 * A parsed state machine (the top level, a Parallel branch or a Map's ItemProcessor).
 *
 * @param states in definition order
 * @param timeoutSeconds the top-level TimeoutSeconds, or null
 */
public record StateMachine(
    String startAt, Map<String, State> states, String comment, Integer timeoutSeconds,
    QueryLanguage queryLanguage) {

  public State state(String name) {
    State state = states.get(name);
    if (state == null) throw new IllegalArgumentException("no state named '" + name + "'");
    return state;
  }
}
