package io.stepwise.runtime;

import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Decision;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Children that only move data (Pass, Choice, Succeed, Fail: no Task, Wait or nested fan-out)
 * run inside the parent's transition instead of as executions of their own. Such a child has no
 * side effect and nothing to wait for, so running it again after a crash is the same as running
 * it once: the parent's one conditional commit keeps the join exactly-once, and a fan-out of
 * 10,000 items costs one transition instead of 10,000 records, histories and reports.
 *
 * <p>They run one after another in index order, as the in-memory runner runs them, so the history
 * is the one a durable fan-out writes. Once more fail than tolerated, the fan-out is handed to
 * the durable path instead, whose child records a redrive needs. Their own
 * events are copied into the parent's under the same limits as durable children's
 * ({@link ChildHistories}).
 */
final class InlineChildren {
  /** Engine steps all the children of one fan-out may take inline; past it they run durably. */
  static final int MAX_STEPS = 200_000;

  /** Steps the engine once; {@link Transitions#step} (which turns engine defects into failures). */
  interface Stepper {
    Decision step(StateMachine machine, ExecutionState state, Event event);
  }

  private final Stepper stepper;

  InlineChildren(Stepper stepper) {
    this.stepper = stepper;
  }

  /**
   * The join of {@code run}'s children run here and now, or null when they must run durably: a
   * child that is not pure data flow, a Distributed Map (its iterations are executions a Map Run
   * lists), a redrive (which keeps the children that succeeded), or more steps than one
   * transition should take (a Choice loop).
   */
  Event.ChildrenFinished run(StateMachine parentMachine, ExecutionRecord parent, ExecutionState parentState,
      Command.RunChildren run) {
    if (parent.reuseJoin() != null || distributed(parentMachine, run.stateName())) return null;
    Set<StateMachine> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Command.Child child : run.children()) {
      if (checked.add(child.machine()) && !pure(child.machine())) return null;
    }
    List<ChildOutcome> outcomes = new ArrayList<>();
    boolean copying = run.children().size() <= ChildHistories.MAX_COPIED_CHILDREN;
    long chars = 0;
    int steps = 0;
    int failures = 0;
    for (int i = 0; i < run.children().size(); i++) {
      Command.Child child = run.children().get(i);
      ExecutionState state = ExecutionState.child(parentState.info(), run.stateName(), i, child.machine().startAt(),
          child.input(), child.variables());
      List<HistoryEvent> events = new ArrayList<>();
      while (!state.isDone()) {
        if (++steps > MAX_STEPS) return null;
        Decision decision = stepper.step(child.machine(), state, Event.ADVANCE);
        if (copying) events.addAll(decision.events());
        state = decision.state();
        if (!state.isDone() && !continues(decision)) return null; // not pure after all: run it durably
      }
      for (HistoryEvent event : events) chars += 64 + (event.payload() == null ? 0 : event.payload().length());
      if (chars > ChildHistories.MAX_COPIED_CHARS) copying = false;
      ChildOutcome outcome = state.status() == ExecutionStatus.SUCCEEDED
          ? ChildOutcome.success(i, state.output())
          : ChildOutcome.failure(i, state.error(), state.cause());
      outcomes.add(copying ? outcome.withEvents(events) : outcome);
      // A fan-out that fails runs again durably (pure children give the same outcome there), so
      // a redrive finds the child records that succeeded and reruns only the ones that failed.
      if (!outcome.succeeded() && ++failures > run.toleratedFailures()) return null;
    }
    // Past the copy limit no child's events are copied, as with durable children.
    if (!copying) outcomes.replaceAll(o -> o.withEvents(List.of()));
    return new Event.ChildrenFinished(outcomes);
  }

  private static boolean continues(Decision decision) {
    return decision.commands().size() == 1 && decision.commands().get(0) instanceof Command.Continue;
  }

  static boolean distributed(StateMachine machine, String stateName) {
    return machine.state(stateName) instanceof State.Map map && map.distributed();
  }

  /** Only states that compute from their input: no calls, no waiting, no children of its own. */
  static boolean pure(StateMachine machine) {
    for (State state : machine.states().values()) {
      if (!(state instanceof State.Pass || state instanceof State.Choice || state instanceof State.Succeed
          || state instanceof State.Fail)) {
        return false;
      }
    }
    return true;
  }
}
