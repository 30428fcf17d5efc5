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
import io.stepwise.eval.ErrorNames;
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
 * (tasks through a {@link TaskInvoker}, timers on a {@link VirtualClock}, children side by side
 * on it, on threads of their own when {@link #withConcurrentChildren} says so), and keeps the history.
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
    ExecutionState state = run(machine, ExecutionState.start(info, machine.startAt()), history, deadline, true, root());
    return new ExecutionResult(state.status(), state.output(), state.error(), state.cause(), List.copyOf(history),
        state.transitions());
  }

  private Lane root() {
    return new Lane(clock, null);
  }

  /**
   * @param live whether events go to the listener as they happen (a child's go with its parent's join)
   * @return the state it ended in, or where the lane stopped it
   */
  private ExecutionState run(StateMachine machine, ExecutionState start, List<HistoryEvent> history, Instant deadline,
      boolean live, Lane lane) {
    VirtualClock clock = lane.clock();
    ExecutionState state = start;
    Event event = Event.ADVANCE;
    Event outcome = null; // a submitted task's outcome, delivered after its TaskSubmitted
    Instant outcomeAt = null; // when that outcome comes, if later than the call
    Instant calledAt = null; // when the task call whose outcome the step brings was made
    while (!state.isDone()) {
      if (lane.past(clock.now())) return state;
      if (deadline != null && !clock.now().isBefore(deadline)) event = new Event.TimedOut();
      Decision decision = engine.step(machine, state, event, clock.now());
      List<HistoryEvent> events = calledAt == null ? decision.events() : startedAt(decision.events(), calledAt);
      calledAt = null;
      history.addAll(events);
      if (live && listener != null) events.forEach(listener);
      state = decision.state();
      if (state.isDone()) break;
      if (outcome != null) {
        event = arrival(outcome, outcomeAt, deadline, lane);
        outcome = null;
        if (event == null) return state;
        continue;
      }
      Instant now = clock.now();
      event = carryOut(machine, decision.commands(), state, deadline, lane);
      if (event == null) return state;
      Instant due = timedOutAt(decision.commands(), event, now);
      if (submitted(decision.commands())) {
        outcome = event;
        outcomeAt = due;
        event = new Event.TaskSubmitted(Json.object());
      } else if (due != null) {
        event = arrival(event, due, deadline, lane);
        if (event == null) return state;
        calledAt = now;
      }
    }
    return state;
  }

  /**
   * A call's outcome that is its timeout (a mock's, or a call that ran out of time) comes when its
   * TimeoutSeconds or HeartbeatSeconds ran out, which is when Step Functions records it; null for
   * any other outcome, which comes at once.
   */
  private static Instant timedOutAt(List<Command> commands, Event outcome, Instant calledAt) {
    if (!(outcome instanceof Event.TaskFailed failed)) return null;
    for (Command c : commands) {
      if (!(c instanceof Command.InvokeTask call)) continue;
      Integer seconds = ErrorNames.TIMEOUT.equals(failed.error()) ? call.timeoutSeconds()
          : ErrorNames.HEARTBEAT_TIMEOUT.equals(failed.error()) ? call.heartbeatSeconds() : null;
      return seconds == null ? null : calledAt.plusSeconds(seconds);
    }
    return null;
  }

  /** Waits for an outcome due {@code at}: null when the lane stops first, TimedOut when the execution's deadline comes first. */
  private static Event arrival(Event outcome, Instant at, Instant deadline, Lane lane) {
    if (at == null) return outcome;
    Instant until = deadline != null && deadline.isBefore(at) ? deadline : at;
    if (lane.past(until)) return null;
    lane.clock().waitUntil(until);
    return until.equals(at) ? outcome : new Event.TimedOut();
  }

  /** The task's started event stamped with the time of its call, not of the outcome that came later. */
  private static List<HistoryEvent> startedAt(List<HistoryEvent> events, Instant calledAt) {
    List<HistoryEvent> stamped = new ArrayList<>(events.size());
    for (HistoryEvent e : events) {
      stamped.add(!e.type().endsWith("Started") ? e : new HistoryEvent(e.id(), e.previousEventId(), e.type(), calledAt,
          e.detailsKey(), e.details(), e.payloadField(), e.payload(), e.detailsText()));
    }
    return stamped;
  }

  /**
   * Whether the step called a callback or {@code .sync} task. In memory its invoker answers with
   * the outcome that the callback or the job's end brings (a mock), so the send itself is
   * recorded first, with an empty answer.
   */
  private static boolean submitted(List<Command> commands) {
    for (Command c : commands) {
      if (c instanceof Command.InvokeTask call && Resource.parse(call.resource()).submitsFirst()) return true;
    }
    return false;
  }

  /** The event the commands bring, or null when the lane stops the run before it. */
  private Event carryOut(StateMachine machine, List<Command> commands, ExecutionState state, Instant deadline, Lane lane) {
    VirtualClock clock = lane.clock();
    for (Command command : commands) {
      if (command instanceof Command.Continue) return Event.ADVANCE;
      if (command instanceof Command.StartTimer timer) {
        Instant due = deadline != null && deadline.isBefore(timer.dueAt()) ? deadline : timer.dueAt();
        if (lane.past(due)) return null;
        clock.waitUntil(due);
        return deadline != null && !clock.now().isBefore(deadline) ? new Event.TimedOut() : Event.TIMER_FIRED;
      }
      if (command instanceof Command.InvokeTask call) {
        return tasks.invoke(call).event();
      }
      if (command instanceof Command.RunChildren children) {
        return withResults(machine, state, runChildren(children, sideBySide(machine, children), state, deadline, lane), children.children().size());
      }
      if (command instanceof Command.ReadChildren read) return readChildren(machine, read, state, deadline, lane);
    }
    throw new IllegalStateException("engine left execution running with nothing to do in state " + state.currentState());
  }

  /** Runs a Parallel's or Map's children to their end, as {@link #run} does (TestState uses it). */
  public Event.ChildrenFinished runChildren(Command.RunChildren run, ExecutionState parent) {
    return runChildren(run, run.kind() == Command.RunChildren.Kind.PARALLEL, parent, null, root());
  }

  /**
   * Runs the children (on threads of their own when {@link #withConcurrentChildren}). Each child
   * keeps its own history, which the engine writes into the parent's when it joins, by time.
   *
   * <p>A Parallel's branches and an inline Map's iterations run as Step Functions runs them, side
   * by side on virtual time ({@link SideBySide}). A distributed Map's iterations, child
   * executions whose events the parent does not show, run one after the other, stopping once
   * more failed than are tolerated.
   *
   * @param sideBySide whether they run side by side ({@link #sideBySide})
   * @return null when the lane stops this run before the children are done
   */
  private Event.ChildrenFinished runChildren(Command.RunChildren run, boolean sideBySide, ExecutionState parent,
      Instant deadline, Lane lane) {
    SideBySide time = sideBySide ? new SideBySide(lane, run.children().size(), run.maxConcurrency(), run.toleratedFailures()) : null;
    long tolerated = sideBySide ? Long.MAX_VALUE : run.toleratedFailures();
    List<ChildOutcome> outcomes = childThreads.run(run.children().size(), run.maxConcurrency(), tolerated, i -> {
      Lane own = sideBySide ? time.laneFor(i) : lane;
      if (own == null) return ChildOutcome.stopped(i);
      Command.Child child = run.children().get(i);
      ExecutionState start = ExecutionState.child(parent.info(), run.stateName(), i, child.machine().startAt(), child.input(), child.variables());
      List<HistoryEvent> events = new ArrayList<>();
      ExecutionState end = run(child.machine(), start, events, deadline, false, own);
      ChildOutcome outcome = !end.isDone() ? ChildOutcome.stopped(i)
          : end.status() == ExecutionStatus.SUCCEEDED ? ChildOutcome.success(i, end.output())
          : ChildOutcome.failure(i, end.error(), end.cause());
      if (sideBySide) time.ended(i, outcome, own.clock().now());
      return outcome.withEvents(events);
    });
    if (!sideBySide) return outcomes.stream().anyMatch(ChildOutcome::stopped) ? null : new Event.ChildrenFinished(outcomes);
    if (time.stoppedFromAbove(outcomes)) return null;
    time.join();
    return new Event.ChildrenFinished(outcomes);
  }

  /** A Parallel's branches and an inline Map's iterations run side by side; a distributed Map's do not. */
  private static boolean sideBySide(StateMachine machine, Command.RunChildren run) {
    return run.kind() == Command.RunChildren.Kind.PARALLEL
        || !(machine.states().get(run.stateName()) instanceof io.stepwise.asl.State.Map map && map.distributed());
  }

  /** A Map with an ItemReader: its items are read whole (in memory they are few), then run as any Map's. */
  private Event readChildren(StateMachine machine, Command.ReadChildren read, ExecutionState state, Instant deadline,
      Lane lane) {
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
    return withResults(machine, state, runChildren(run, false, state, deadline, lane), children.size());
  }

  /**
   * Writes a ResultWriter's files before the Map goes on; failing to is the Map's failure. Null
   * (no children's outcome) when the run stops.
   */
  private Event withResults(StateMachine machine, ExecutionState state, Event.ChildrenFinished done, int total) {
    if (done == null) return null;
    try {
      MapRunResults.write(storage, machine, state, done.outcomes(), total, i -> state.info().executionArn() + "/" + i);
      return done;
    } catch (StatesError e) {
      return new Event.TaskFailed(e.error(), e.cause());
    }
  }
}
