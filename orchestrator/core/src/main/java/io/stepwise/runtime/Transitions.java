package io.stepwise.runtime;

import io.stepwise.asl.StateMachine;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.Command;
import io.stepwise.engine.Decision;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.Phase;
import io.stepwise.eval.ErrorNames;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The making of one transition, once {@link StepWorker} has found its message current: the
 * engine's step with the task calls and fan-outs it asks for, then the durable writes and sends
 * in the order {@link StepWorker}'s comment gives.
 */
final class Transitions {
  private final ExecutionStore store;
  private final Children children;
  private final ReaderChildren readers;
  private final Callbacks callbacks;
  private final StateMachines machines;
  private final StepQueue queue;
  private final TaskInvoker tasks;
  private final Engine engine;
  private final InstantSource clock;
  private final Duration lease;
  private final TransitionObserver observer;
  private final InlineChildren inline = new InlineChildren(this::step);
  private final WaitingTasks waiting;

  Transitions(ExecutionStore store, TokenStore tokens, Children children, ReaderChildren readers, Callbacks callbacks,
      StateMachines machines, StepQueue queue, TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease,
      TransitionObserver observer) {
    this.readers = readers;
    this.store = store;
    this.children = children;
    this.callbacks = callbacks;
    this.machines = machines;
    this.queue = queue;
    this.tasks = tasks;
    this.engine = engine;
    this.clock = clock;
    this.lease = lease;
    this.observer = observer;
    this.waiting = new WaitingTasks(tokens, tasks, clock);
  }

  /**
   * Decides the transition {@code event} makes on {@code record} and commits it.
   *
   * @param gen the resend generation of the message that makes it, which the next message keeps
   */
  void make(ExecutionRecord record, String receiptId, Event event, int gen) {
    make(record, receiptId, event, queue, false, gen);
  }

  /**
   * @param starts where a child that ends here sends its successors' starts
   * @param carried true when {@code record} came in the message, not from the store: the
   *     transition's conditional writes (claim, commit) find out whether it is still current, and
   *     before any other side effect the record is read to make sure
   * @throws ExecutionStore.ConflictException when it is not current (or another worker holds it)
   */
  void make(ExecutionRecord record, String receiptId, Event event, StepQueue starts, boolean carried, int gen) {
    Transitioning t = new Transitioning(record, receiptId, starts, gen);
    t.unverified = carried;
    t.decide(machine(record), event);
    t.commit();
  }

  /**
   * One transition in the making: the events and the crash-proof messages it gathers while
   * deciding, then its commit.
   */
  private final class Transitioning {
    final ExecutionRecord record;
    final String receiptId;
    final StepQueue starts;
    final int gen;
    final Instant now = clock.instant();
    final List<HistoryEvent> events = new ArrayList<>();
    final List<StepMessage> bound = new ArrayList<>();
    StateMachine machine;
    Event cause;
    Decision decision;
    boolean claimed;
    boolean unverified;

    Transitioning(ExecutionRecord record, String receiptId, StepQueue starts, int gen) {
      this.record = record;
      this.gen = gen;
      this.receiptId = receiptId;
      this.starts = starts;
    }

    /** Steps the engine, carrying out task calls and children within this transition. */
    void decide(StateMachine machine, Event event) {
      this.machine = machine;
      cause = event;
      decision = step(machine, record.state(), event);
      events.addAll(decision.events());
      while (true) {
        Event followUp;
        try {
          followUp = followUp(this);
        } catch (Activities.DoesNotExist missing) {
          if (record.state().phase() != Phase.ENTER) {
            followUp = new Event.TaskFailed(ErrorNames.RUNTIME, missing.getMessage()); // a retry's call
          } else {
            // Step Functions fails the state as it is entered: decided again, without the call.
            events.clear();
            decision = step(machine, record.state(), new Event.ResourceMissing(missing.getMessage()));
            events.addAll(decision.events());
            return;
          }
        }
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
      unverified = false; // the claim's condition: transition seq is not committed yet
    }

    /** A carried record is read once before a side effect that no conditional write of this transition guards. */
    void verify() {
      if (!unverified) return;
      long stored = store.load(record.key()).map(ExecutionRecord::seq).orElse(-1L);
      if (stored != record.seq()) {
        throw new ExecutionStore.ConflictException("execution " + record.key() + " is at " + stored + ", not " + record.seq());
      }
      unverified = false;
    }

    void commit() {
      StepMessage next = next(record.key(), record.seq() + 1, decision, gen);
      if (record.seq() == 0 && record.parent() == null) {
        long due = timeoutDue(record);
        if (due >= 0) bound.add(new StepMessage(record.key(), 0, StepMessage.Kind.EXECUTION_TIMEOUT, due, null, null, null));
      }
      if (!bound.isEmpty() || record.state().phase() == Phase.AWAIT_CHILDREN) verify();
      for (StepMessage message : bound) send(message);
      if (record.state().phase() == Phase.AWAIT_CHILDREN) {
        boolean joined = cause instanceof Event.ChildrenFinished;
        children.stopUnfinished(record, joined ? ((Event.ChildrenFinished) cause).outcomes() : null,
            ErrorNames.BRANCH_FAILED, joined ? "A sibling branch or iteration failed" : "The execution ended");
      }
      ExecutionRecord committed = record.next(decision.state(), next);
      store.commitTransition(committed, events, receiptId, now, now.plus(lease));
      reindex(record, committed);
      observe(new CommittedTransition(record, committed, events, now));
      // Sent after its commit, the next message may carry the record (a branch's lacks the execution's input).
      if (next != null) send(committed.parent() == null ? next.carrying(committed) : next, starts);
      if (committed.state().isDone()) afterEnd(committed, starts);
    }
  }

  /**
   * The engine's step; an exception from the engine itself (a defect, never an ASL error, which
   * is a value) fails the execution with {@code States.Runtime} instead of failing every delivery.
   */
  Decision step(StateMachine machine, ExecutionState state, Event event) {
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

  /** After the commit point: the listing by status follows a commit that changed the status. */
  void reindex(ExecutionRecord before, ExecutionRecord committed) {
    if (committed.state().status() != before.state().status()) store.reindex(committed);
  }

  /**
   * A message for the transition just before {@code record}'s came back: it may be the committer,
   * which died after the commit, so what follows the commit is done again. An ended branch or
   * iteration reports to its join again (a repeated report changes nothing); otherwise the next
   * message is sent again, one generation on, but only by a message of the committer's gen: the
   * committer's redelivery always does (whatever its own gen, so no execution wedges), and a
   * resend's copies, one gen on, cannot make more unless one of them commits. A resend is
   * dropped as stale if the first send did happen.
   */
  void repeatAfterCommit(StepMessage message, ExecutionRecord record, StepQueue starts) {
    if (message.anySeq() || message.seq() != record.seq() - 1) return;
    if (record.state().isDone()) {
      afterEnd(record, starts);
    } else if (record.next() != null && message.gen() == record.next().gen()) {
      send(record.next().resent());
    }
  }

  /** A branch or iteration reports to its join; an execution started by a {@code .sync} task answers it. */
  void afterEnd(ExecutionRecord ended, StepQueue starts) {
    if (ended.parent() != null) children.report(ended, starts);
    if (ended.callbackToken() != null) NestedWorkflows.answerParent(callbacks, ended);
  }

  /** Observers run after the commit point: what they throw must not bring the message back. */
  void observe(CommittedTransition transition) {
    try {
      observer.committed(transition);
    } catch (RuntimeException e) {
      log("an observer failed on " + transition.after().key(), e);
    }
  }

  static void log(String line, Throwable failure) {
    System.err.println("stepwise: " + line + (failure == null ? "" : ": " + failure));
    if (failure != null) failure.printStackTrace();
  }

  StateMachine machine(ExecutionRecord record) {
    StateMachine root = machines.get(record.stateMachineArn(), record.machineVersion());
    return record.parent() == null ? root : Children.machine(root, record.parent().machinePath());
  }

  /** When this execution's own timeout is due: its start plus its version's TimeoutSeconds; -1 for none. */
  long timeoutDue(ExecutionRecord record) {
    Integer seconds = record.parent() == null
        ? machines.get(record.stateMachineArn(), record.machineVersion()).timeoutSeconds() : null;
    return seconds == null ? -1 : record.state().info().startTime().toEpochMilli() + seconds * 1000L;
  }

  /** The event that completes a command inside this transition, or null when it waits for later. */
  private Event followUp(Transitioning t) {
    for (Command command : t.decision.commands()) {
      if (command instanceof Command.InvokeTask call) {
        t.claim();
        if (call.token() != null) return waiting.start(t.record, call, t.bound);
        return tasks.invoke(call).event();
      }
      if (command instanceof Command.RunChildren run) {
        Event.ChildrenFinished joined = inline.run(t.machine, t.record, t.decision.state(), run);
        if (joined != null) return joined; // pure children: joined within this transition
        t.verify();
        children.fanOut(t.record, t.decision.state(), run, InlineChildren.distributed(t.machine, run.stateName()));
        return null; // the parent waits for its children's join
      }
      if (command instanceof Command.ReadChildren read) {
        t.verify();
        ReaderChildren.Started started = readers.fanOut(t.record, t.decision.state(), read);
        if (started.failed() == null) children.startWave(t.record.key(), t.record.seq() + 1, started.total(), started.wave());
        return started.failed(); // null: the parent waits for its children's join
      }
    }
    return null;
  }

  /** The message for the transition after this one, or null when the execution waits or ended. */
  private static StepMessage next(String executionArn, long seq, Decision decision, int gen) {
    for (Command command : decision.commands()) {
      if (command instanceof Command.Continue) return StepMessage.advance(executionArn, seq).inGen(gen);
      if (command instanceof Command.StartTimer timer) {
        return new StepMessage(executionArn, seq, StepMessage.Kind.TIMER, timer.dueAt().toEpochMilli(), null, null, null,
            gen, null);
      }
    }
    return null;
  }

  /**
   * Sends with the delay rounded to the nearest second (SQS counts whole seconds); a message that
   * then arrives up to half a second early counts as due, so timers keep to the second.
   */
  void send(StepMessage message) {
    send(message, queue);
  }

  /** @param via the queue, or what holds the sends made after a commit ({@link HeldSends}) */
  void send(StepMessage message, StepQueue via) {
    long wait = Math.max(0, message.dueAtMillis() - clock.millis());
    via.send(message, (int) Math.min(StepWorker.MAX_DELAY_SECONDS, (wait + 500) / 1000));
  }
}
