package io.stepwise.runtime;

import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Decision;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.Phase;
import io.stepwise.eval.ErrorNames;
import io.stepwise.integrations.Integrations;
import io.stepwise.items.ObjectStorage;
import io.stepwise.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * Applies one queue message to its execution: exactly one state transition, made durable.
 *
 * <p>The protocol, in the order of its side effects:
 * <ol>
 *   <li>Read the record (strongly consistent). A message for an older seq is a duplicate and is
 *       dropped (after resending the record's next message, in case a crash lost it); one for a
 *       newer seq comes back later. STOP and EXECUTION_TIMEOUT apply at any seq: a timeout only
 *       when it is due at the record's own start plus its version's TimeoutSeconds, a STOP only
 *       once the child's parent has moved past its join.
 *   <li>Decide: step the engine. Before any task call (or task token) the transition is claimed:
 *       its history item is written, empty, under a lease, so two copies of one message cannot
 *       both call the task.
 *   <li>Send the messages bound to this transition that must survive a crash: the execution's
 *       timeout (at its first transition), a waiting task's timeout and heartbeat checks, and
 *       STOPs to the children of a join the parent leaves.
 *   <li>Write the transition's history under the lease.
 *   <li>Commit the record conditionally on its seq, together with the next message. This is the
 *       commit point: a crash before it means redelivery and a fresh decision.
 *   <li>Send the next message; a child reports to its join; an execution started by a parent's
 *       {@code .sync} task answers it. A crash here is repaired when the message comes back.
 *   <li>Acknowledge.
 * </ol>
 * An exception from the engine itself fails the execution with {@code States.Runtime}; one from
 * the infrastructure lets the message come back, and on its last delivery (see
 * {@link #process(StepMessage, String, boolean)}) fails the execution likewise, with a cause
 * that says what to do.
 */
public final class StepWorker {
  /** What to do with the message afterwards. */
  public enum Outcome {
    /** Done with it (applied, or a duplicate): delete it. */
    ACK,
    /** Not now (early, or another worker holds the transition): let it come back. */
    RETRY
  }

  static final int MAX_DELAY_SECONDS = 900;
  static final int CATCH_UP_MAX_WAIT_MILLIS = 320;
  static final int EARLY_TOLERANCE_MILLIS = 500;

  private final ExecutionStore store;
  private final TokenStore tokens;
  private final Children children;
  private final ReaderChildren readers;
  private final Callbacks callbacks;
  private final StateMachines machines;
  private final StepQueue queue;
  private final TaskInvoker tasks;
  private final SyncJobs jobs;
  private final Engine engine;
  private final InstantSource clock;
  private final Duration lease;
  private final LongConsumer pause;

  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, StepQueue queue,
      TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease) {
    this(store, tokens, joins, ReaderCursors.NONE, ObjectStorage.NONE, machines, queue, tasks, engine, clock, lease, Pause::millis);
  }

  /** @param pause how the worker waits a moment for a record to catch up (virtual time in tests) */
  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, StepQueue queue,
      TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease, LongConsumer pause) {
    this(store, tokens, joins, ReaderCursors.NONE, ObjectStorage.NONE, machines, queue, tasks, engine, clock, lease, pause);
  }

  /** @param cursors and {@code storage}: where Distributed Maps read items and write results */
  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, ReaderCursors cursors,
      ObjectStorage storage, StateMachines machines, StepQueue queue, TaskInvoker tasks, Engine engine,
      InstantSource clock, Duration lease) {
    this(store, tokens, joins, cursors, storage, machines, queue, tasks, engine, clock, lease, Pause::millis);
  }

  private StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, ReaderCursors cursors,
      ObjectStorage storage, StateMachines machines, StepQueue queue, TaskInvoker tasks, Engine engine,
      InstantSource clock, Duration lease, LongConsumer pause) {
    this.pause = pause;
    this.store = store;
    this.tokens = tokens;
    this.readers = new ReaderChildren(store, joins, cursors, storage, this::machine);
    this.children = new Children(store, joins, queue, readers);
    this.callbacks = new TaskCallbacks(store, tokens, queue, clock);
    this.machines = machines;
    this.queue = queue;
    this.jobs = new SyncJobs(tasks, Integrations.standard(), tokens, store, callbacks, queue, clock);
    this.tasks = jobs;
    this.engine = engine;
    this.clock = clock;
    this.lease = lease;
  }

  /** @param receiptId unique per delivery of the message: the lease owner */
  public Outcome process(StepMessage message, String receiptId) {
    return process(message, receiptId, false);
  }

  /**
   * @param lastDelivery true when the queue will not deliver this message again (its receive
   *     count reached the queue's maxReceiveCount): a transition that still cannot be made then
   *     fails the execution, rather than leaving it running with its message parked
   */
  public Outcome process(StepMessage message, String receiptId, boolean lastDelivery) {
    try {
      Outcome outcome = apply(message, receiptId);
      return outcome == Outcome.RETRY && lastDelivery ? giveUp(message, receiptId, null) : outcome;
    } catch (RuntimeException e) {
      if (!lastDelivery) throw e;
      return giveUp(message, receiptId, e);
    }
  }

  private Outcome apply(StepMessage message, String receiptId) {
    if (message.kind() == StepMessage.Kind.JOB_POLL) return jobs.poll(message);
    Optional<ExecutionRecord> loaded = loadCaughtUp(message);
    if (loaded.isEmpty()) return Outcome.RETRY; // started but not yet created, or unknown: parked by the DLQ
    ExecutionRecord record = loaded.get();
    if (record.state().isDone()) {
      // Ahead of an ended record: RedriveExecution's first message, sent before its commit.
      if (!message.anySeq() && message.seq() > record.seq()) return Outcome.RETRY;
      // A branch or iteration whose last transition's message came back: its report may be lost.
      if (!message.anySeq() && message.seq() == record.seq() - 1) afterEnd(record);
      return Outcome.ACK;
    }
    if (!message.anySeq() && message.seq() < record.seq()) {
      resendIfLost(message, record);
      return Outcome.ACK;
    }
    Instant now = clock.instant();
    if (message.dueAtMillis() > now.toEpochMilli() + EARLY_TOLERANCE_MILLIS) {
      send(message); // SQS delays stop at 900 s: hop on for the rest of the wait
      return Outcome.ACK;
    }
    if (!message.anySeq() && message.seq() > record.seq()) return Outcome.RETRY;
    if (message.kind() == StepMessage.Kind.EXECUTION_TIMEOUT && message.dueAtMillis() != timeoutDue(record)) {
      return Outcome.ACK; // not this execution's own timeout
    }
    if (message.kind() == StepMessage.Kind.STOP && record.parent() != null && !children.parentMovedOn(record)) {
      return Outcome.RETRY; // the parent's commit that sent it has not landed yet
    }
    if (!forTheWaitingTask(message, record, now)) return Outcome.ACK;
    Event event;
    if (message.kind() == StepMessage.Kind.CHILDREN_DONE) {
      Event.ChildrenFinished finished = children.finished(record);
      if (finished == null) return Outcome.ACK; // a counter ran ahead: the last child's report comes later
      event = readers.afterJoin(record, machine(record), finished);
    } else {
      event = message.event();
    }
    Transitioning t = new Transitioning(record, receiptId);
    t.decide(machine(record), event);
    t.commit();
    return Outcome.ACK;
  }

  /**
   * The last delivery of a message that could not be applied: the execution ends FAILED with
   * {@code States.Runtime}, unless the message is not its current transition's (then it goes to
   * the DLQ as before, and the execution goes on without it).
   */
  private Outcome giveUp(StepMessage message, String receiptId, RuntimeException failure) {
    if (message.kind() == StepMessage.Kind.STOP) return Outcome.ACK; // its parent never moved on
    ExecutionRecord record = store.load(message.executionArn()).orElse(null);
    if (record == null || record.state().isDone()) return record == null ? Outcome.RETRY : Outcome.ACK;
    if (!message.anySeq() && message.seq() != record.seq()) return Outcome.RETRY;
    String reference = UUID.randomUUID().toString();
    log("giving up on " + message.toJson() + " (reference " + reference + ")", failure);
    String state = record.state().currentState() == null ? "" : " in state '" + record.state().currentState() + "'";
    Transitioning t = new Transitioning(record, receiptId);
    t.decide(machine(record), new Event.RuntimeFailed(ErrorNames.RUNTIME,
        "Stepwise could not carry out this execution's transition" + state + " on any delivery of its message "
            + "(reference " + reference + " in the orchestrator's log). Once the cause is fixed, "
            + "RedriveExecution runs the execution again from where it stopped."));
    t.commit();
    return Outcome.ACK;
  }

  /** When this execution's own timeout is due: its start plus its version's TimeoutSeconds; -1 for none. */
  private long timeoutDue(ExecutionRecord record) {
    Integer seconds = record.parent() == null
        ? machines.get(record.stateMachineArn(), record.machineVersion()).timeoutSeconds() : null;
    return seconds == null ? -1 : record.state().info().startTime().toEpochMilli() + seconds * 1000L;
  }

  /**
   * One transition in the making: the events and the crash-proof messages it gathers while
   * deciding, then its commit, in the order the class comment gives.
   */
  private final class Transitioning {
    final ExecutionRecord record;
    final String receiptId;
    final Instant now = clock.instant();
    final List<HistoryEvent> events = new ArrayList<>();
    final List<StepMessage> bound = new ArrayList<>();
    Event cause;
    Decision decision;
    boolean claimed;

    Transitioning(ExecutionRecord record, String receiptId) {
      this.record = record;
      this.receiptId = receiptId;
    }

    /** Steps the engine, carrying out task calls and children within this transition. */
    void decide(StateMachine machine, Event event) {
      cause = event;
      decision = step(machine, record.state(), event);
      events.addAll(decision.events());
      while (true) {
        Event followUp = followUp(this);
        if (followUp == null) return;
        decision = step(machine, decision.state(), followUp);
        events.addAll(decision.events());
      }
    }

    /** Takes the transition's lease now, before a side effect two copies of a message must not both make. */
    void claim() {
      if (claimed) return;
      store.writeHistory(record.key(), record.seq(), List.of(), receiptId, now, now.plus(lease));
      claimed = true;
    }

    void commit() {
      StepMessage next = next(record.key(), record.seq() + 1, decision);
      if (record.seq() == 0 && record.parent() == null) {
        long due = timeoutDue(record);
        if (due >= 0) bound.add(new StepMessage(record.key(), 0, StepMessage.Kind.EXECUTION_TIMEOUT, due, null, null, null));
      }
      for (StepMessage message : bound) send(message);
      if (record.state().phase() == Phase.AWAIT_CHILDREN) {
        boolean joined = cause instanceof Event.ChildrenFinished;
        children.stopUnfinished(record, joined ? ((Event.ChildrenFinished) cause).outcomes() : null,
            ErrorNames.BRANCH_FAILED, joined ? "A sibling branch or iteration failed" : "The execution ended");
      }
      store.writeHistory(record.key(), record.seq(), events, receiptId, now, now.plus(lease));
      ExecutionRecord committed = record.next(decision.state(), next);
      store.commit(committed, record.seq());
      if (next != null) send(next);
      if (committed.state().isDone()) afterEnd(committed);
    }
  }

  /**
   * The engine's step; an exception from the engine itself (a defect, never an ASL error, which
   * is a value) fails the execution with {@code States.Runtime} instead of failing every delivery.
   */
  private Decision step(StateMachine machine, ExecutionState state, Event event) {
    try {
      return engine.step(machine, state, event, clock.instant());
    } catch (RuntimeException | StackOverflowError defect) {
      String reference = UUID.randomUUID().toString();
      log("the engine failed in state " + state.currentState() + " of " + state.info().executionArn()
          + " (reference " + reference + ")", defect);
      return engine.step(machine, state, new Event.RuntimeFailed(ErrorNames.RUNTIME,
          "An internal error occurred in state '" + state.currentState() + "' (reference " + reference
              + " in the orchestrator's log)."), clock.instant());
    }
  }

  /** A branch or iteration reports to its join; an execution started by a {@code .sync} task answers it. */
  private void afterEnd(ExecutionRecord ended) {
    if (ended.parent() != null) children.report(ended);
    if (ended.callbackToken() != null) answerParent(ended);
  }

  private static void log(String line, Throwable failure) {
    System.err.println("stepwise: " + line + (failure == null ? "" : ": " + failure));
    if (failure != null) failure.printStackTrace();
  }

  /**
   * An execution started by a parent's {@code .sync} task has ended: the parent's task succeeds
   * with its description, or fails with {@code States.TaskFailed}. Answering twice is harmless.
   */
  private void answerParent(ExecutionRecord child) {
    var outcome = NestedWorkflows.outcome(child.state());
    try {
      if (child.state().status() == io.stepwise.engine.ExecutionStatus.SUCCEEDED) {
        callbacks.sendTaskSuccess(child.callbackToken(), Json.write(outcome));
      } else {
        callbacks.sendTaskFailure(child.callbackToken(), ErrorNames.TASK_FAILED, Json.write(outcome));
      }
    } catch (ApiException alreadyAnswered) {
      // The parent's task ended some other way (timeout, stop) or was answered already.
    }
  }

  private StateMachine machine(ExecutionRecord record) {
    StateMachine root = machines.get(record.stateMachineArn(), record.machineVersion());
    return record.parent() == null ? root : Children.machine(root, record.parent().machinePath());
  }

  /**
   * Callbacks and heartbeat checks concern one task token: they apply only while the execution
   * waits on that token, and a heartbeat check only once the heartbeats have stopped.
   */
  private boolean forTheWaitingTask(StepMessage message, ExecutionRecord record, Instant now) {
    if (message.token() == null) return true;
    if (!message.token().equals(record.state().taskToken())) return false;
    if (message.kind() != StepMessage.Kind.HEARTBEAT_CHECK) return true;
    TokenStore.TaskToken token = tokens.get(message.token()).orElse(null);
    if (token == null || token.closed()) return false;
    long due = token.lastHeartbeatMillis() + token.heartbeatSeconds() * 1000L;
    if (due > now.toEpochMilli()) {
      send(message.dueAt(due)); // a heartbeat came since: check again when it runs out
      return false;
    }
    return true;
  }

  /**
   * A message for the transition just before the current one came back: its worker committed
   * but may have died before sending the next message, so send it again. Only original messages
   * do this, so at most one extra copy exists, and the copy is dropped as stale if the first
   * send did happen.
   */
  private void resendIfLost(StepMessage message, ExecutionRecord record) {
    if (!message.resent() && message.seq() == record.seq() - 1 && record.next() != null) {
      send(record.next().asResent());
    }
  }

  /**
   * Applies {@code event} to the execution right now, not through the queue (StopExecution).
   * Retries a few times when a worker commits a transition in between.
   *
   * @return false when the execution had already ended
   */
  public boolean applyNow(String executionArn, Event event) {
    return applyDirectly(executionArn, event, (record, decision) -> record.next(decision.state(), record.next())) != null;
  }

  /**
   * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from the state it
   * stopped in. A Parallel or Map that failed runs again only its children that did not succeed.
   *
   * @return false when the execution is not redrivable (running, or succeeded)
   */
  public boolean redrive(String executionArn) {
    ExecutionRecord redriven = applyDirectly(executionArn, new Event.Redrive(), (record, decision) -> {
      ExecutionRecord next = record.next(decision.state(), StepMessage.advance(executionArn, record.seq() + 1));
      // A Parallel or Map that failed at its join keeps the children that succeeded.
      State stopped = machine(record).state(record.state().currentState());
      boolean fanOut = stopped instanceof State.Parallel || stopped instanceof State.Map;
      return fanOut ? next.reusing(ChildLink.joinKey(executionArn, record.seq() - 1)) : next;
    });
    if (redriven == null) return false;
    send(redriven.next());
    return true;
  }

  /**
   * Applies {@code event} straight to the record, for API calls: the transition is written and
   * committed like any other, read again and re-applied when a worker's transition lands first.
   *
   * @return the committed record, or null when the event changes nothing (the execution ended,
   *     or is not redrivable)
   */
  private ExecutionRecord applyDirectly(String key, Event event,
      BiFunction<ExecutionRecord, Decision, ExecutionRecord> committed) {
    for (int attempt = 0; attempt < 10; attempt++) {
      ExecutionRecord record = store.load(key)
          .orElseThrow(() -> new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + key + "'"));
      Instant now = clock.instant();
      Decision decision = step(machine(record), record.state(), event);
      // A branch's stop adds no events but ends it: the state's status tells whether anything changed.
      if (decision.events().isEmpty() && decision.state().status() == record.state().status()) return null;
      ExecutionRecord next = committed.apply(record, decision);
      try {
        if (record.state().phase() == Phase.AWAIT_CHILDREN) {
          children.stopUnfinished(record, null, ErrorNames.BRANCH_FAILED, "The execution ended");
        }
        // A redriven execution's first message goes out before the commit, so a crash cannot lose it.
        if (!next.state().isDone() && next.next() != null) send(next.next());
        store.writeHistory(key, record.seq(), decision.events(), "api-" + attempt + "-" + now.toEpochMilli(), now, now.plus(lease));
        store.commit(next, record.seq());
        return next;
      } catch (ExecutionStore.ConflictException raced) {
        pause.accept(20L * (attempt + 1));
      }
    }
    throw new ExecutionStore.ConflictException("could not apply " + event + " to " + key + ": too much contention");
  }

  /**
   * The record, given a moment to catch up: StartExecution sends the first message just before
   * it creates the record, and a fast task worker can call back before the transition that gave
   * it its token commits. Waiting here briefly beats a whole visibility timeout.
   */
  private Optional<ExecutionRecord> loadCaughtUp(StepMessage message) {
    Optional<ExecutionRecord> loaded = store.load(message.executionArn());
    for (int wait = 10; wait <= CATCH_UP_MAX_WAIT_MILLIS && behind(loaded, message); wait *= 2) {
      pause.accept(wait);
      loaded = store.load(message.executionArn());
    }
    return loaded;
  }

  private static boolean behind(Optional<ExecutionRecord> loaded, StepMessage message) {
    return !message.anySeq()
        && (loaded.isEmpty() ? message.seq() == 0 : raceable(message) && loaded.get().seq() < message.seq());
  }

  /** Messages that can overtake the commit that makes them current: callbacks and joins. */
  private static boolean raceable(StepMessage message) {
    return message.token() != null || message.kind() == StepMessage.Kind.CHILDREN_DONE;
  }


  /** The event that completes a command inside this transition, or null when it waits for later. */
  private Event followUp(Transitioning t) {
    for (Command command : t.decision.commands()) {
      if (command instanceof Command.InvokeTask call) {
        t.claim();
        if (call.token() != null) return startWaiting(t.record, call, t.bound);
        return tasks.invoke(call).event();
      }
      if (command instanceof Command.RunChildren run) {
        children.fanOut(t.record, t.decision.state(), run);
        return null; // the parent waits for its children's join
      }
      if (command instanceof Command.ReadChildren read) {
        ReaderChildren.Started started = readers.fanOut(t.record, t.decision.state(), read);
        if (started.failed() == null) children.startWave(t.record.key(), t.record.seq() + 1, started.total(), started.wave());
        return started.failed(); // null: the parent waits for its children's join
      }
    }
    return null;
  }

  /**
   * A {@code .waitForTaskToken} task: the token is stored before the call, so a callback can
   * never find it missing; the call's own failure fails the task at once, otherwise the
   * execution waits (holding no compute) for a callback or one of its timeouts.
   */
  private Event startWaiting(ExecutionRecord record, Command.InvokeTask call, List<StepMessage> timeouts) {
    long waitingSeq = record.seq() + 1;
    long now = clock.millis();
    int heartbeat = call.heartbeatSeconds() == null ? 0 : call.heartbeatSeconds();
    tokens.put(new TokenStore.TaskToken(call.token(), record.key(), waitingSeq, call.stateName(), heartbeat, now, false));
    TaskOutcome outcome = tasks.invoke(call);
    if (!outcome.succeeded()) return new Event.TaskFailed(outcome.error(), outcome.cause());
    if (call.timeoutSeconds() != null) {
      timeouts.add(new StepMessage(record.key(), waitingSeq, StepMessage.Kind.TASK_FAILED,
          now + call.timeoutSeconds() * 1000L, null, ErrorNames.TIMEOUT, null, false, call.token()));
    }
    if (heartbeat > 0) {
      timeouts.add(new StepMessage(record.key(), waitingSeq, StepMessage.Kind.HEARTBEAT_CHECK,
          now + heartbeat * 1000L, null, null, null, false, call.token()));
    }
    return null;
  }

  /** The message for the transition after this one, or null when the execution waits or ended. */
  private static StepMessage next(String executionArn, long seq, Decision decision) {
    for (Command command : decision.commands()) {
      if (command instanceof Command.Continue) return StepMessage.advance(executionArn, seq);
      if (command instanceof Command.StartTimer timer) {
        return new StepMessage(executionArn, seq, StepMessage.Kind.TIMER, timer.dueAt().toEpochMilli(), null, null, null);
      }
    }
    return null;
  }

  /**
   * Sends with the delay rounded to the nearest second (SQS counts whole seconds); a message that
   * then arrives up to half a second early counts as due, so timers keep to the second.
   */
  private void send(StepMessage message) {
    long wait = Math.max(0, message.dueAtMillis() - clock.millis());
    queue.send(message, (int) Math.min(MAX_DELAY_SECONDS, (wait + 500) / 1000));
  }

}
