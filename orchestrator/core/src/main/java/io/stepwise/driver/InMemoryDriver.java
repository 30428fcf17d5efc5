package io.stepwise.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Decision;
import io.stepwise.engine.DistributedMap;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.Resource;
import io.stepwise.eval.StatesError;
import io.stepwise.items.ItemCursor;
import io.stepwise.items.ItemStream;
import io.stepwise.items.ItemStreams;
import io.stepwise.items.MapRunResults;
import io.stepwise.items.ObjectStorage;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an execution to its end in this process: steps the engine, carries out its commands
 * (tasks through a {@link TaskInvoker}, timers on a {@link VirtualClock}, children one after the
 * other unless {@link #withConcurrentChildren} says otherwise), and keeps the history.
 */
public final class InMemoryDriver {
  private final Engine engine;
  private final TaskInvoker tasks;
  private final VirtualClock clock;
  private final Consumer<HistoryEvent> listener;
  private final ObjectStorage storage;
  private final ChildThreads childThreads;

  public InMemoryDriver(Engine engine, TaskInvoker tasks, VirtualClock clock, Consumer<HistoryEvent> listener) {
    this(engine, tasks, clock, listener, ObjectStorage.NONE);
  }

  /** @param storage where Distributed Maps read items (ItemReader) and write results (ResultWriter) */
  public InMemoryDriver(Engine engine, TaskInvoker tasks, VirtualClock clock, Consumer<HistoryEvent> listener,
      ObjectStorage storage) {
    this(engine, tasks, clock, listener, storage, new ChildThreads(0));
  }

  private InMemoryDriver(Engine engine, TaskInvoker tasks, VirtualClock clock, Consumer<HistoryEvent> listener,
      ObjectStorage storage, ChildThreads childThreads) {
    this.engine = engine;
    this.tasks = tasks;
    this.clock = clock;
    this.listener = listener;
    this.storage = storage;
    this.childThreads = childThreads;
  }

  /**
   * The same driver, running one execution's Parallel branches and Map iterations side by side as
   * Step Functions does (Map's MaxConcurrency honoured, at most 40 at once in all). The clock and
   * the task invoker must then be safe to share between threads: a real clock, not {@link VirtualClock#fast}.
   */
  public InMemoryDriver withConcurrentChildren() {
    return new InMemoryDriver(engine, tasks, clock, listener, storage, new ChildThreads(ChildThreads.EXPRESS - 1));
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
    Event outcome = null; // a submitted task's outcome, delivered after its TaskSubmitted
    while (!state.isDone()) {
      if (deadline != null && !clock.now().isBefore(deadline)) event = new Event.TimedOut();
      Decision decision = engine.step(machine, state, event, clock.now());
      history.addAll(decision.events());
      if (live && listener != null) decision.events().forEach(listener);
      state = decision.state();
      if (state.isDone()) break;
      if (outcome != null) {
        event = outcome;
        outcome = null;
        continue;
      }
      event = carryOut(machine, decision.commands(), state, deadline);
      if (submitted(decision.commands())) {
        outcome = event;
        event = new Event.TaskSubmitted(Json.object());
      }
    }
    return state;
  }

  /**
   * Whether the step called a callback or {@code .sync} task. In memory its invoker answers with
   * the outcome that the callback or the job's end brings (a mock), so the send itself is
   * recorded first, with an empty answer.
   */
  private static boolean submitted(List<Command> commands) {
    return commands.stream().anyMatch(c -> c instanceof Command.InvokeTask call
        && Resource.parse(call.resource()).submitsFirst());
  }

  private Event carryOut(StateMachine machine, List<Command> commands, ExecutionState state, Instant deadline) {
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
      if (command instanceof Command.RunChildren children) {
        return withResults(machine, state, runChildren(children, state, deadline), children.children().size());
      }
      if (command instanceof Command.ReadChildren read) return readChildren(machine, read, state, deadline);
    }
    throw new IllegalStateException("engine left execution running with nothing to do in state " + state.currentState());
  }

  /** Runs a Parallel's or Map's children to their end, as {@link #run} does (TestState uses it). */
  public Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent) {
    return runChildren(run, parent, null);
  }

  /**
   * Runs the children (side by side when {@link #withConcurrentChildren}), stopping early once more
   * failed than are tolerated. Each child keeps its own history, which the engine writes into the
   * parent's when it joins, in index order as the sequential run would.
   */
  private Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent, Instant deadline) {
    List<ChildOutcome> outcomes = childThreads.run(run.children().size(), run.maxConcurrency(), run.toleratedFailures(), i -> {
      Command.Child child = run.children().get(i);
      ExecutionState start = ExecutionState.child(parent.info(), run.stateName(), i, child.machine().startAt(), child.input(), child.variables());
      List<HistoryEvent> events = new ArrayList<>();
      ExecutionState end = run(child.machine(), start, events, deadline, false);
      ChildOutcome outcome = end.status() == ExecutionStatus.SUCCEEDED
          ? ChildOutcome.success(i, end.output())
          : ChildOutcome.failure(i, end.error(), end.cause());
      return outcome.withEvents(events);
    });
    return new Event.ChildrenFinished(outcomes);
  }

  /** A Map with an ItemReader: its items are read whole (in memory they are few), then run as any Map's. */
  private Event readChildren(StateMachine machine, Command.ReadChildren read, ExecutionState state, Instant deadline) {
    DistributedMap plan = read.plan();
    List<Command.Child> children = new ArrayList<>();
    try (ItemStream items = ItemStreams.open(storage, plan.reader(), ItemCursor.START)) {
      DistributedMap.ChildInputs inputs = plan.childInputs();
      for (ItemCursor at = items.cursor(); ; at = items.cursor()) {
        JsonNode item = items.next();
        if (item == null) break;
        JsonNode input = inputs.add(item, at.index());
        if (input != null) children.add(new Command.Child(plan.processor(), input, plan.variables()));
      }
      JsonNode last = inputs.finish();
      if (last != null) children.add(new Command.Child(plan.processor(), last, plan.variables()));
    } catch (StatesError e) {
      return new Event.TaskFailed(e.error(), e.cause());
    }
    Command.RunChildren run = new Command.RunChildren(read.stateName(), Command.RunChildren.Kind.MAP, children,
        plan.maxConcurrency(), plan.toleratedFailures(children.size()));
    return withResults(machine, state, runChildren(run, state, deadline), children.size());
  }

  /** Writes a ResultWriter's files before the Map goes on; failing to is the Map's failure. */
  private Event withResults(StateMachine machine, ExecutionState state, Event.ChildrenFinished done, int total) {
    try {
      MapRunResults.write(storage, machine, state, done.outcomes(), total, i -> state.info().executionArn() + "/" + i);
      return done;
    } catch (StatesError e) {
      return new Event.TaskFailed(e.error(), e.cause());
    }
  }
}
