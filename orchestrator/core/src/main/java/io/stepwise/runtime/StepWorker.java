package io.stepwise.runtime;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.integrations.Integrations;
import io.stepwise.items.ObjectStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Applies one queue message to its execution: exactly one state transition, made durable.
 *
 * <p>The protocol, in the order of its side effects:
 * <ol>
 *   <li>Read the record (strongly consistent), unless the message carries it (an advance or
 *       timer sent after the commit of that record): then the transition's conditional writes
 *       find out whether it is still current, and on a conflict the record is read after all.
 *       A message for an older seq is a duplicate and is dropped (after resending the record's
 *       next message or an ended child's report, in case a crash lost it: see
 *       {@link Transitions#repeatAfterCommit}); one for a newer seq comes back later. STOP and EXECUTION_TIMEOUT apply at any seq: a timeout only
 *       when it is due at the record's own start plus its version's TimeoutSeconds, a STOP only
 *       once the child's parent has moved past its join.
 *   <li>Decide: step the engine. Before any task call (or task token) the transition is claimed:
 *       its history item is written, empty, under a lease, so two copies of one message cannot
 *       both call the task.
 *   <li>Send the messages bound to this transition that must survive a crash: the execution's
 *       timeout (at its first transition), a waiting task's timeout and heartbeat checks, and
 *       STOPs to the children of a join the parent leaves.
 *   <li>Write the transition's history and the record it commits, with the next message, under
 *       the lease, unless the transition is committed already ({@link ExecutionStore#commitTransition}).
 *       This is the commit point: a crash before it means redelivery and a fresh decision. A
 *       commit that changed the execution's status updates the listing index after it.
 *   <li>Send the next message; a child reports to its join; an execution started by a parent's
 *       {@code .sync} task answers it. A crash here is repaired when the message comes back.
 *   <li>Acknowledge.
 * </ol>
 * An exception from the engine itself fails the execution with {@code States.Runtime}; one from
 * the infrastructure lets the message come back, and on its last delivery (see
 * {@link #process(StepMessage, String, boolean)}) fails the execution likewise, with a cause
 * that says what to do ({@link PoisonMessages}).
 *
 * <p>This class admits a message (is it current, due, for the waiting task?), with
 * {@link TaskMessages} for those bound to a task token; {@link Transitions}
 * makes the transition; {@link ApiTransitions} applies StopExecution and RedriveExecution
 * straight to the record; {@link SyncJobs} polls {@code .sync} jobs.
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
  private final Children children;
  private final MapRunUpdates mapRuns;
  private final ReaderChildren readers;
  private final SyncJobs jobs;
  private final Transitions transitions;
  private final TaskMessages taskMessages;
  private final ApiTransitions api;
  private final PoisonMessages poison;
  private final InstantSource clock;
  private final LongConsumer pause;
  private final StepQueue queue;

  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, StepQueue queue,
      TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease) {
    this(store, tokens, joins, machines, queue, tasks, engine, clock, lease, Pause::millis);
  }

  /** @param pause how the worker waits a moment for a record to catch up (virtual time in tests) */
  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, StepQueue queue,
      TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease, LongConsumer pause) {
    this(store, tokens, joins, ReaderCursors.NONE, ObjectStorage.NONE, machines, queue, tasks, engine, clock, lease, pause,
        TransitionObserver.NONE);
  }

  /** @param observer told of each committed transition (metrics, logs) */
  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, StepQueue queue,
      TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease, LongConsumer pause, TransitionObserver observer) {
    this(store, tokens, joins, ReaderCursors.NONE, ObjectStorage.NONE, machines, queue, tasks, engine, clock, lease, pause,
        observer);
  }

  /** @param cursors and {@code storage}: where Distributed Maps read items and write results */
  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, ReaderCursors cursors,
      ObjectStorage storage, StateMachines machines, StepQueue queue, TaskInvoker tasks, Engine engine,
      InstantSource clock, Duration lease) {
    this(store, tokens, joins, cursors, storage, machines, queue, tasks, engine, clock, lease, Pause::millis,
        TransitionObserver.NONE);
  }

  /** The whole: Distributed Maps' reading and writing, and an observer of each commit. */
  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, ReaderCursors cursors,
      ObjectStorage storage, StateMachines machines, StepQueue queue, TaskInvoker tasks, Engine engine,
      InstantSource clock, Duration lease, LongConsumer pause, TransitionObserver observer) {
    this.pause = pause;
    this.queue = queue;
    this.store = store;
    this.readers = new ReaderChildren(store, joins, cursors, storage, this::machine);
    this.children = new Children(store, joins, queue, readers);
    this.mapRuns = new MapRunUpdates(store, joins, children, readers);
    Callbacks callbacks = new TaskCallbacks(store, tokens, queue, clock);
    this.jobs = new SyncJobs(TaskInvoker.failingOnStatesErrors(tasks), Integrations.standard(), tokens, store, callbacks, queue, clock);
    this.transitions = new Transitions(store, tokens, children, readers, callbacks, machines, queue, jobs, engine, clock,
        lease, observer);
    this.taskMessages = new TaskMessages(tokens, transitions);
    this.api = new ApiTransitions(store, children, transitions, clock, lease, pause);
    this.poison = new PoisonMessages(store, transitions, queue);
    this.clock = clock;
  }

  /** UpdateMapRun on the Map Runs this worker's children belong to. */
  public MapRunUpdates mapRuns() {
    return mapRuns;
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
    return process(message, receiptId, lastDelivery, queue);
  }

  /**
   * @param afterCommit where the messages sent after the transition's commit go: the queue, or
   *     the {@link #holdSends} of the batch this message came in (then acknowledge it only after
   *     their flush)
   */
  public Outcome process(StepMessage message, String receiptId, boolean lastDelivery, StepQueue afterCommit) {
    HandOff handOff = new HandOff(afterCommit);
    Outcome outcome;
    try {
      outcome = apply(message, receiptId, handOff);
      outcome = outcome == Outcome.RETRY && lastDelivery ? poison.giveUp(message, receiptId, null) : outcome;
    } catch (RuntimeException e) {
      if (!lastDelivery) throw e;
      outcome = poison.giveUp(message, receiptId, e);
    }
    startHandedOff(handOff.take(), receiptId, lastDelivery, afterCommit);
    return outcome;
  }

  /** A holder for the sends a batch's transitions make after their commits, to flush once when the batch is done. */
  public HeldSends holdSends() {
    return new HeldSends(queue);
  }

  /**
   * A chain's next child, started here before {@code message} is acknowledged (one, not its own
   * successor, so an invocation stays two transitions long). Whatever keeps it from going through
   * now sends it to the queue, as would have happened without the hand-off; a crash brings the
   * predecessor's message back, which starts it again.
   */
  private void startHandedOff(StepMessage next, String receiptId, boolean lastDelivery, StepQueue afterCommit) {
    if (next == null) return;
    Outcome outcome;
    try {
      outcome = apply(next, receiptId + "/next", afterCommit);
    } catch (RuntimeException e) {
      if (!lastDelivery) throw e;
      outcome = Outcome.RETRY; // the predecessor's message will not come back: the queue takes it
    }
    if (outcome != Outcome.ACK) transitions.send(next);
  }

  /** @param starts where the starts of children this transition ends go (see {@link HandOff}) */
  private Outcome apply(StepMessage message, String receiptId, StepQueue starts) {
    if (message.kind() == StepMessage.Kind.JOB_POLL) return jobs.poll(message);
    ExecutionRecord carried = carriedAndDue(message);
    if (carried != null) {
      try {
        transitions.make(carried, receiptId, message.event(), starts, true, message.gen());
        return Outcome.ACK;
      } catch (ExecutionStore.ConflictException notCurrent) {
        // committed already, or held by another worker: read the record and admit the message as any other
      }
    }
    Optional<ExecutionRecord> loaded = loadCaughtUp(message);
    if (loaded.isEmpty()) return Outcome.RETRY; // started but not yet created, or unknown: parked by the DLQ
    ExecutionRecord record = loaded.get();
    if (record.state().isDone()) {
      // Ahead of an ended record: RedriveExecution's first message, sent before its commit.
      if (!message.anySeq() && message.seq() > record.seq()) return Outcome.RETRY;
      transitions.repeatAfterCommit(message, record, starts);
      return Outcome.ACK;
    }
    if (!message.anySeq() && message.seq() < record.seq()) {
      // A task's messages are bound to its token: ActivityStarted, a transition of its own, may
      // have come in between. Sent again at the seq it now applies at, as a message of its own.
      if (TaskMessages.behindItsTask(message, record)) {
        transitions.send(message.atSeq(record.seq()));
        return Outcome.ACK;
      }
      transitions.repeatAfterCommit(message, record, starts);
      return Outcome.ACK;
    }
    Instant now = clock.instant();
    if (message.dueAtMillis() > now.toEpochMilli() + EARLY_TOLERANCE_MILLIS) {
      transitions.send(message); // SQS delays stop at 900 s: hop on for the rest of the wait
      return Outcome.ACK;
    }
    if (taskMessages.writesStartedFirst(message, record, receiptId, starts)) return apply(message, receiptId, starts);
    if (!message.anySeq() && message.seq() > record.seq()) return Outcome.RETRY;
    if (message.kind() == StepMessage.Kind.EXECUTION_TIMEOUT && message.dueAtMillis() != transitions.timeoutDue(record)) {
      return Outcome.ACK; // not this execution's own timeout
    }
    if (message.kind() == StepMessage.Kind.STOP && record.parent() != null && !children.parentMovedOn(record)) {
      return Outcome.RETRY; // the parent's commit that sent it has not landed yet
    }
    if (!taskMessages.forTheWaitingTask(message, record, now)) return Outcome.ACK;
    Event event;
    if (message.kind() == StepMessage.Kind.CHILDREN_DONE) {
      Event.ChildrenFinished finished = children.finished(record);
      if (finished == null) return Outcome.ACK; // a counter ran ahead: the last child's report comes later
      event = readers.afterJoin(record, transitions.machine(record), finished);
    } else {
      event = message.event();
    }
    transitions.make(record, receiptId, event, starts, false, message.gen());
    return Outcome.ACK;
  }

  /**
   * The record an original advance or timer carries, when the message is due: it was sent after
   * the commit of that record, so it is current unless the transition was made since, which the
   * transition's conditional writes find out. Null when the record must be read.
   */
  private ExecutionRecord carriedAndDue(StepMessage message) {
    if (message.record() == null || message.gen() > 0 || message.token() != null) return null;
    if (message.kind() != StepMessage.Kind.ADVANCE && message.kind() != StepMessage.Kind.TIMER) return null;
    if (message.dueAtMillis() > clock.millis() + EARLY_TOLERANCE_MILLIS) return null;
    ExecutionRecord record = message.carriedRecord();
    boolean current = record.key().equals(message.executionArn()) && record.seq() == message.seq()
        && record.parent() == null && !record.state().isDone();
    return current ? record : null;
  }

  /** The machine a record runs; Transitions, made after the readers that ask, knows. */
  private io.stepwise.asl.StateMachine machine(ExecutionRecord record) {
    return transitions.machine(record);
  }

  /**
   * Applies {@code event} to the execution right now, not through the queue (StopExecution).
   * Retries a few times when a worker commits a transition in between.
   *
   * @return false when the execution had already ended
   */
  public boolean applyNow(String executionArn, Event event) {
    return api.applyNow(executionArn, event);
  }

  /**
   * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from the state it
   * stopped in. A Parallel or Map that failed runs again only its children that did not succeed.
   *
   * @return false when the execution is not redrivable (running, or succeeded)
   */
  public boolean redrive(String executionArn) {
    return api.redrive(executionArn);
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
}
