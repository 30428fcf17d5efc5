package io.stepwise.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.StateMachine;
import io.stepwise.eval.ErrorNames;
import java.time.Instant;
import java.util.List;

/**
 * The ASL engine: a pure function from (definition, execution state, event, now) to a
 * {@link Decision}. It reads no clock and does no I/O; runtimes carry out its commands.
 */
public final class Engine {
  /**
   * Events an execution may have unless a deployment or run says otherwise: 40 times Step
   * Functions' 25,000, so long loops run, while a loop with no exit stops within about half a
   * million transitions (about a dollar at $2.50 per million) and a history that still pages.
   */
  public static final long DEFAULT_MAX_EVENTS = 1_000_000;

  private final Entropy entropy;
  private final long maxEvents;
  private final ObjectNode givenContext;

  public Engine(Entropy entropy) {
    this(entropy, DEFAULT_MAX_EVENTS);
  }

  /** @param maxEvents the most history events an execution may have (Step Functions: 25,000) */
  public Engine(Entropy entropy, long maxEvents) {
    this(entropy, maxEvents, null);
    if (maxEvents < 2) throw new IllegalArgumentException("the event limit must be at least 2, was " + maxEvents);
  }

  private Engine(Entropy entropy, long maxEvents, ObjectNode givenContext) {
    this.entropy = entropy;
    this.maxEvents = maxEvents;
    this.givenContext = givenContext;
  }

  /**
   * The same engine with {@code $$} replaced by {@code context} whole, as TestState's
   * {@code context} asks (the current Task's token is added when the context names none).
   */
  public Engine withContext(ObjectNode context) {
    return new Engine(entropy, maxEvents, context);
  }

  /** Takes one step. A step that does not fit the execution's phase (stale, duplicate) changes nothing. */
  public Decision step(StateMachine machine, ExecutionState state, Event event, Instant now) {
    if (state.isDone() && !(event instanceof Event.Redrive)) return new Decision(state, List.of(), List.of());
    Decision decision = new Transition(machine, state, now, entropy, givenContext).apply(event);
    return withinHistoryLimit(decision) ? decision : historyLimitReached(machine, state, now);
  }

  /**
   * As Step Functions does at its limit: once an execution has {@code maxEvents - 1} events, the
   * next may only be ExecutionSucceeded; anything else fails the execution instead.
   */
  private boolean withinHistoryLimit(Decision decision) {
    long last = decision.state().lastEventId();
    return last < maxEvents || (last == maxEvents && decision.state().status() == ExecutionStatus.SUCCEEDED);
  }

  private Decision historyLimitReached(StateMachine machine, ExecutionState state, Instant now) {
    Event failed = new Event.RuntimeFailed(ErrorNames.RUNTIME,
        "The execution reached the maximum number of history events (" + maxEvents + ").");
    return new Transition(machine, state, now, entropy, givenContext).apply(failed);
  }
}
