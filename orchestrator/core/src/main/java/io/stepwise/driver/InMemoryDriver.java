package io.stepwise.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.stepwise.json.Json;
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
    List<HistoryEvent> history = new ArrayList<>();
    Instant deadline = machine.timeoutSeconds() == null ? null : info.startTime().plusSeconds(machine.timeoutSeconds());
    ExecutionState state = run(machine, ExecutionState.start(info, machine.startAt()), history, deadline);
    return new ExecutionResult(state.status(), state.output(), state.error(), state.cause(), List.copyOf(history),
        state.transitions());
  }

  private ExecutionState run(StateMachine machine, ExecutionState start, List<HistoryEvent> history, Instant deadline) {
    ExecutionState state = start;
    Event event = Event.ADVANCE;
    while (!state.isDone()) {
      if (deadline != null && !clock.now().isBefore(deadline)) event = new Event.TimedOut();
      Decision decision = engine.step(machine, state, event, clock.now());
      record(history, decision.events());
      state = decision.state();
      if (state.isDone()) break;
      event = carryOut(decision.commands(), state, history, deadline);
    }
    return state;
  }

  private Event carryOut(List<Command> commands, ExecutionState state, List<HistoryEvent> history, Instant deadline) {
    for (Command command : commands) {
      if (command instanceof Command.Continue) return Event.ADVANCE;
      if (command instanceof Command.StartTimer timer) {
        Instant due = deadline != null && deadline.isBefore(timer.dueAt()) ? deadline : timer.dueAt();
        clock.waitUntil(due);
        return deadline != null && !clock.now().isBefore(deadline) ? new Event.TimedOut() : Event.TIMER_FIRED;
      }
      if (command instanceof Command.InvokeTask call) {
        TaskOutcome outcome = tasks.invoke(call);
        return outcome.error() != null || outcome.result() == null
            ? new Event.TaskFailed(outcome.error(), outcome.cause())
            : new Event.TaskSucceeded(outcome.result());
      }
      if (command instanceof Command.RunChildren children) return runChildren(children, state, history, deadline);
    }
    throw new IllegalStateException("engine left execution running with nothing to do in state " + state.currentState());
  }

  /**
   * Runs each child in order, stopping early once more children failed than are tolerated; the
   * children's events go to {@code history}. Runtimes without durable children use this too.
   */
  public Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent, List<HistoryEvent> history) {
    return runChildren(run, parent, history, null);
  }

  private Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent, List<HistoryEvent> history, Instant deadline) {
    boolean isMap = run.kind() == Command.RunChildren.Kind.MAP;
    long lastId = parent.lastEventId();
    List<ChildOutcome> outcomes = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < run.children().size(); i++) {
      Command.Child child = run.children().get(i);
      if (isMap) lastId = iterationEvent(history, lastId, "MapIterationStarted", run.stateName(), i);
      ExecutionState start = ExecutionState.child(parent.info(), run.stateName(), i, child.machine().startAt(), child.input(),
          child.variables(), lastId);
      ExecutionState end = run(child.machine(), start, history, deadline);
      lastId = end.lastEventId();
      if (end.status() == ExecutionStatus.SUCCEEDED) {
        outcomes.add(ChildOutcome.success(i, end.output()));
        if (isMap) lastId = iterationEvent(history, lastId, "MapIterationSucceeded", run.stateName(), i);
      } else {
        outcomes.add(ChildOutcome.failure(i, end.error(), end.cause()));
        if (isMap) lastId = iterationEvent(history, lastId, "MapIterationFailed", run.stateName(), i);
        if (++failures > run.toleratedFailures()) break;
      }
    }
    return new Event.ChildrenFinished(outcomes, lastId, true);
  }

  private long iterationEvent(List<HistoryEvent> history, long lastId, String type, String mapName, int index) {
    ObjectNode details = Json.object().put("name", mapName).put("index", index);
    String key = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    record(history, List.of(new HistoryEvent(lastId + 1, lastId, type, clock.now(), key, details)));
    return lastId + 1;
  }

  private void record(List<HistoryEvent> history, List<HistoryEvent> events) {
    history.addAll(events);
    if (listener != null) events.forEach(listener);
  }
}
