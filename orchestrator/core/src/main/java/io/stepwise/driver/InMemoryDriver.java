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
    return Lane.of(clock);
  }

  /**
   * @param live whether events go to the listener as they happen (a child's go with its parent's join)
   * @return the state it ended in, or where the lane stopped it
   */
  private ExecutionState run(StateMachine machine, ExecutionState start, List<HistoryEvent> history, Instant deadline,
      boolean live, Lane lane) {
    Steps steps = new Steps(machine, start, history, deadline, live, lane);
    while (steps.step()) {
      // on to its end, or to where the lane stops it
    }
    return steps.state;
  }

  /** One run, step by step, so that side-by-side children can take their steps in time order. */
  private final class Steps {
    private final StateMachine machine;
    private final List<HistoryEvent> history;
    private final Instant deadline;
    private final boolean live;
    private final Lane lane;
    private ExecutionState state;
    private Event event = Event.ADVANCE;
    private Event outcome; // a submitted task's outcome, delivered after its TaskSubmitted
    private Instant outcomeAt; // when that outcome comes, if later than the call
    private Instant calledAt; // when the task call whose outcome the step brings was made
    private boolean stopped; // by the lane

    Steps(StateMachine machine, ExecutionState start, List<HistoryEvent> history, Instant deadline, boolean live,
        Lane lane) {
      this.machine = machine;
      this.state = start;
      this.history = history;
      this.deadline = deadline;
      this.live = live;
      this.lane = lane;
    }

    Instant now() {
      return lane.clock().now();
    }

    /** Takes the next step; false once the run ended or the lane stopped it. */
    boolean step() {
      if (state.isDone() || stopped) return false;
      VirtualClock clock = lane.clock();
      boolean past = lane.past(clock.now());
      // A call's outcome that comes past the stop still brings the task's start, made before it.
      if (past && (calledAt == null || lane.past(calledAt))) return stop();
      if (deadline != null && !clock.now().isBefore(deadline)) event = new Event.TimedOut();
      Decision decision = engine.step(machine, state, event, clock.now());
      List<HistoryEvent> events = calledAt == null ? decision.events() : CallTiming.startedAt(decision.events(), calledAt);
      calledAt = null;
      if (past) events = events.stream().filter(e -> !lane.past(e.timestamp())).toList();
      history.addAll(events);
      if (live && listener != null) events.forEach(listener);
      if (past) return stop();
      state = decision.state();
      if (state.isDone()) return false;
      if (outcome != null) {
        event = CallTiming.arrival(outcome, outcomeAt, deadline, lane);
        outcome = null;
        return event != null || stop();
      }
      Instant now = clock.now();
      event = carryOut(machine, decision.commands(), state, deadline, lane);
      if (event == null) return stop();
      Instant due = CallTiming.timedOutAt(decision.commands(), event, now);
      if (CallTiming.submitted(decision.commands())) {
        outcome = event;
        outcomeAt = due;
        event = new Event.TaskSubmitted(Json.object());
      } else if (due != null) {
        event = CallTiming.arrival(event, due, deadline, lane);
        if (event == null) return stop();
        calledAt = now;
      }
      return true;
    }

    private boolean stop() {
      stopped = true;
      return false;
    }
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
    int width = sideBySide ? sideBySideWidth(run) : run.maxConcurrency();
    SideBySide time = sideBySide ? new SideBySide(lane, run.children().size(), width, run.toleratedFailures()) : null;
    List<ChildOutcome> outcomes;
    if (sideBySide && !childThreads.threaded()) {
      outcomes = time.inTurn((i, own) -> new ChildSteps(run, i, parent, deadline, own));
    } else {
      long tolerated = sideBySide ? Long.MAX_VALUE : run.toleratedFailures();
      outcomes = childThreads.run(run.children().size(), width, tolerated, i -> {
        Lane own = sideBySide ? time.laneFor(i) : lane;
        if (own == null) return ChildOutcome.stopped(i);
        ChildSteps child = new ChildSteps(run, i, parent, deadline, own);
        while (child.step()) {
          // to its end
        }
        if (sideBySide) time.ended(i, child.outcome(), child.now());
        return child.outcome();
      });
    }
    if (!sideBySide) return outcomes.stream().anyMatch(ChildOutcome::stopped) ? null : new Event.ChildrenFinished(outcomes);
    if (time.stoppedFromAbove(outcomes)) return null;
    time.join();
    return new Event.ChildrenFinished(outcomes);
  }

  /** Child {@code i} of a Parallel or Map, run on its lane; its events are its own until the join. */
  private final class ChildSteps implements SideBySide.Child {
    private final int index;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Steps steps;

    ChildSteps(Command.RunChildren run, int index, ExecutionState parent, Instant deadline, Lane lane) {
      this.index = index;
      Command.Child child = run.children().get(index);
      ExecutionState start = ExecutionState.child(parent.info(), run.stateName(), index, child.machine().startAt(),
          child.input(), child.variables());
      this.steps = new Steps(child.machine(), start, events, deadline, false, lane);
    }

    @Override
    public Instant now() {
      return steps.now();
    }

    @Override
    public boolean step() {
      return steps.step();
    }

    @Override
    public ChildOutcome outcome() {
      ExecutionState end = steps.state;
      ChildOutcome outcome = !end.isDone() ? ChildOutcome.stopped(index)
          : end.status() == ExecutionStatus.SUCCEEDED ? ChildOutcome.success(index, end.output())
          : ChildOutcome.failure(index, end.error(), end.cause());
      return outcome.withEvents(events);
    }
  }

  /** Step Functions runs at most this many of an inline Map's iterations at once, whatever its MaxConcurrency. */
  static final int INLINE_MAP_CONCURRENCY = 40;

  /** How many children run at once side by side: all a Parallel's branches, an inline Map's up to 40. */
  private static int sideBySideWidth(Command.RunChildren run) {
    if (run.kind() == Command.RunChildren.Kind.PARALLEL) return run.maxConcurrency();
    int own = run.maxConcurrency();
    return own > 0 ? Math.min(own, INLINE_MAP_CONCURRENCY) : INLINE_MAP_CONCURRENCY;
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
