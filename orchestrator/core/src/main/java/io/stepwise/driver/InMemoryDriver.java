package io.stepwise.driver;

import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Decision;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an execution to its end in this process: steps the engine, carries out its commands
 * (tasks through a {@link TaskInvoker}, timers on a {@link VirtualClock}, children one after the
 * other), and keeps the history.
 */
public final class InMemoryDriver {
  private final Engine engine;
  private final TaskInvoker tasks;
  private final VirtualClock clock;
  private final Consumer<HistoryEvent> listener;

  public InMemoryDriver(Engine engine, TaskInvoker tasks, VirtualClock clock, Consumer<HistoryEvent> listener) {
    this.engine = engine;
    this.tasks = tasks;
    this.clock = clock;
    this.listener = listener;
  }

  /** Starts an execution of {@code machine} with {@code info.input()} and runs it to its end. */
  public ExecutionResult run(StateMachine machine, ExecutionInfo info) {
    return run(machine, info, null);
  }

  /**
   * As {@link #run(StateMachine, ExecutionInfo)}, ending the execution TIMED_OUT at {@code limit}
   * after its start if its own TimeoutSeconds has not ended it sooner (an Express workflow's 5 minutes).
   *
   * @param limit null for none
   */
  public ExecutionResult run(StateMachine machine, ExecutionInfo info, java.time.Duration limit) {
    List<HistoryEvent> history = new ArrayList<>();
    Instant deadline = machine.timeoutSeconds() == null ? null : info.startTime().plusSeconds(machine.timeoutSeconds());
    if (limit != null && (deadline == null || info.startTime().plus(limit).isBefore(deadline))) {
      deadline = info.startTime().plus(limit);
    }
    ExecutionState state = run(machine, ExecutionState.start(info, machine.startAt()), history, deadline, true);
    return new ExecutionResult(state.status(), state.output(), state.error(), state.cause(), List.copyOf(history),
        state.transitions());
  }

  /** @param live whether events go to the listener as they happen (a child's go with its parent's join) */
  private ExecutionState run(StateMachine machine, ExecutionState start, List<HistoryEvent> history, Instant deadline,
      boolean live) {
    ExecutionState state = start;
    Event event = Event.ADVANCE;
    while (!state.isDone()) {
      if (deadline != null && !clock.now().isBefore(deadline)) event = new Event.TimedOut();
      Decision decision = engine.step(machine, state, event, clock.now());
      history.addAll(decision.events());
      if (live && listener != null) decision.events().forEach(listener);
      state = decision.state();
      if (state.isDone()) break;
      event = carryOut(decision.commands(), state, deadline);
    }
    return state;
  }

  private Event carryOut(List<Command> commands, ExecutionState state, Instant deadline) {
    for (Command command : commands) {
      if (command instanceof Command.Continue) return Event.ADVANCE;
      if (command instanceof Command.StartTimer timer) {
        Instant due = deadline != null && deadline.isBefore(timer.dueAt()) ? deadline : timer.dueAt();
        clock.waitUntil(due);
        return deadline != null && !clock.now().isBefore(deadline) ? new Event.TimedOut() : Event.TIMER_FIRED;
      }
      if (command instanceof Command.InvokeTask call) {
        return tasks.invoke(call).event();
      }
      if (command instanceof Command.RunChildren children) return runChildren(children, state, deadline);
    }
    throw new IllegalStateException("engine left execution running with nothing to do in state " + state.currentState());
  }

  /** Runs a Parallel's or Map's children to their end, as {@link #run} does (TestState uses it). */
  public Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent) {
    return runChildren(run, parent, null);
  }

  /**
   * Runs each child in order, stopping early once more children failed than are tolerated. Each
   * child keeps its own history, which the engine writes into the parent's when it joins.
   */
  private Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent, Instant deadline) {
    List<ChildOutcome> outcomes = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < run.children().size(); i++) {
      Command.Child child = run.children().get(i);
      ExecutionState start = ExecutionState.child(parent.info(), run.stateName(), i, child.machine().startAt(), child.input(), child.variables());
      List<HistoryEvent> events = new ArrayList<>();
      ExecutionState end = run(child.machine(), start, events, deadline, false);
      ChildOutcome outcome = end.status() == ExecutionStatus.SUCCEEDED
          ? ChildOutcome.success(i, end.output())
          : ChildOutcome.failure(i, end.error(), end.cause());
      outcomes.add(outcome.withEvents(events));
      if (!outcome.succeeded() && ++failures > run.toleratedFailures()) break;
    }
    return new Event.ChildrenFinished(outcomes);
  }

}
