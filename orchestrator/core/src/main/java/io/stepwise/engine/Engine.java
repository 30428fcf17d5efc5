package io.stepwise.engine;

import io.stepwise.asl.StateMachine;
import java.time.Instant;
import java.util.List;

/**
 * The ASL engine: a pure function from (definition, execution state, event, now) to a
 * {@link Decision}. It reads no clock and does no I/O; runtimes carry out its commands.
 */
public final class Engine {
  private final Entropy entropy;

  public Engine(Entropy entropy) {
    this.entropy = entropy;
  }

  /** Takes one step. A step that does not fit the execution's phase (stale, duplicate) changes nothing. */
  public Decision step(StateMachine machine, ExecutionState state, Event event, Instant now) {
    if (state.isDone() && !(event instanceof Event.Redrive)) return new Decision(state, List.of(), List.of());
    return new Transition(machine, state, now, entropy).apply(event);
  }
}
