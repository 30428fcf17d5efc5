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
import io.stepwise.eval.ErrorNames;
import io.stepwise.integrations.Integrations;
import io.stepwise.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies one queue message to its execution: exactly one state transition, made durable.
 *
 * <p>The order of side effects is what makes it safe: (1) read the record, (2) decide (calling
 * the task, if any), (3) write the transition's history under a lease, so one worker at a time
 * produces it, (4) commit the record conditionally on its seq, together with the next message,
 * (5) send that message, (6) acknowledge. The record is the commit point: a crash before it
 * leaves the message unacknowledged, so it comes back and the transition is decided again; a
 * crash after it is repaired when the same message comes back, by sending the recorded next
 * message again. A message for an older seq is a duplicate and is dropped.
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
  private final Callbacks callbacks;
  private final StateMachines machines;
  private final StepQueue queue;
  private final TaskInvoker tasks;
  private final SyncJobs jobs;
  private final Engine engine;
  private final InstantSource clock;
  private final Duration lease;

  public StepWorker(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, StepQueue queue,
      TaskInvoker tasks, Engine engine, InstantSource clock, Duration lease) {
    this.store = store;
    this.tokens = tokens;
    this.children = new Children(store, joins, queue);
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
    if (message.kind() == StepMessage.Kind.JOB_POLL) return jobs.poll(message);
    Optional<ExecutionRecord> loaded = loadCaughtUp(message);
    if (loaded.isEmpty()) return Outcome.RETRY; // started but not yet created, or unknown: parked by the DLQ
    ExecutionRecord record = loaded.get();
    if (record.state().isDone()) {
      // A branch or iteration whose last transition's message came back: its report may be lost.
      if (record.parent() != null && message.seq() == record.seq() - 1) children.report(record);
      if (record.callbackToken() != null && message.seq() == record.seq() - 1) answerParent(record);
      return Outcome.ACK;
    }
    boolean anySeq = message.kind() == StepMessage.Kind.EXECUTION_TIMEOUT;
    if (!anySeq && message.seq() < record.seq()) {
      resendIfLost(message, record);
      return Outcome.ACK;
    }
    Instant now = clock.instant();
    if (message.dueAtMillis() > now.toEpochMilli() + EARLY_TOLERANCE_MILLIS) {
      send(message); // SQS delays stop at 900 s: hop on for the rest of the wait
      return Outcome.ACK;
    }
    if (!anySeq && message.seq() > record.seq()) return Outcome.RETRY;
    if (!forTheWaitingTask(message, record, now)) return Outcome.ACK;
    Event event;
    if (message.kind() == StepMessage.Kind.CHILDREN_DONE) {
      event = children.finished(record);
      if (event == null) return Outcome.ACK; // a counter ran ahead: the last child's report comes later
    } else {
      event = message.event();
    }
    StateMachine machine = machine(record);
    List<HistoryEvent> events = new ArrayList<>();
    List<StepMessage> timeouts = new ArrayList<>();
    Decision decision = decide(machine, record, event, events, timeouts);
    StepMessage next = next(record.key(), record.seq() + 1, decision);
    // Task timeouts go out before the commit: delayed, and bound to the waiting transition, so an
    // early or repeated copy is harmless, and a crash cannot lose them.
    for (StepMessage timeout : timeouts) send(timeout);
    store.writeHistory(record.key(), record.seq(), events, receiptId, now, now.plus(lease));
    ExecutionRecord committed = record.next(decision.state(), next);
    store.commit(committed, record.seq());
    if (next != null) send(next);
    if (committed.parent() != null && committed.state().isDone()) children.report(committed);
    if (committed.callbackToken() != null && committed.state().isDone()) answerParent(committed);
    if (event instanceof Event.ChildrenFinished finished) stopUnfinished(record, finished);
    return Outcome.ACK;
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

  /** A Parallel or Map that went on without all its children (one failed): the rest stop. */
  private void stopUnfinished(ExecutionRecord parentBefore, Event.ChildrenFinished finished) {
    for (String child : children.unfinished(parentBefore, finished.outcomes())) {
      applyNow(child, new Event.Stop("States.BranchFailed", "A sibling branch or iteration failed"));
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
      Decision decision = engine.step(machine(record), record.state(), event, now);
      if (decision.events().isEmpty()) return null;
      ExecutionRecord next = committed.apply(record, decision);
      try {
        store.writeHistory(key, record.seq(), decision.events(), "api-" + attempt + "-" + now.toEpochMilli(), now, now.plus(lease));
        store.commit(next, record.seq());
        return next;
      } catch (ExecutionStore.ConflictException raced) {
        sleepBriefly(attempt);
      }
    }
    throw new ExecutionStore.ConflictException("could not apply " + event + " to " + key + ": too much contention");
  }

  private static void sleepBriefly(int attempt) {
    Pause.millis(20L * (attempt + 1));
  }

  /**
   * The record, given a moment to catch up: StartExecution sends the first message just before
   * it creates the record, and a fast task worker can call back before the transition that gave
   * it its token commits. Waiting here briefly beats a whole visibility timeout.
   */
  private Optional<ExecutionRecord> loadCaughtUp(StepMessage message) {
    Optional<ExecutionRecord> loaded = store.load(message.executionArn());
    for (int wait = 10; wait <= CATCH_UP_MAX_WAIT_MILLIS && behind(loaded, message); wait *= 2) {
      Pause.millis(wait);
      loaded = store.load(message.executionArn());
    }
    return loaded;
  }

  private static boolean behind(Optional<ExecutionRecord> loaded, StepMessage message) {
    return message.kind() != StepMessage.Kind.EXECUTION_TIMEOUT
        && (loaded.isEmpty() ? message.seq() == 0 : raceable(message) && loaded.get().seq() < message.seq());
  }

  /** Messages that can overtake the commit that makes them current: callbacks and joins. */
  private static boolean raceable(StepMessage message) {
    return message.token() != null || message.kind() == StepMessage.Kind.CHILDREN_DONE;
  }


  /** Steps the engine, carrying out task calls and children within this transition. */
  private Decision decide(StateMachine machine, ExecutionRecord record, Event event, List<HistoryEvent> events,
      List<StepMessage> timeouts) {
    Decision decision = engine.step(machine, record.state(), event, clock.instant());
    events.addAll(decision.events());
    while (true) {
      Event followUp = followUp(record, decision, events, timeouts);
      if (followUp == null) return decision;
      decision = engine.step(machine, decision.state(), followUp, clock.instant());
      events.addAll(decision.events());
    }
  }

  /** The event that completes a command inside this invocation, or null when it waits for later. */
  private Event followUp(ExecutionRecord record, Decision decision, List<HistoryEvent> events, List<StepMessage> timeouts) {
    for (Command command : decision.commands()) {
      if (command instanceof Command.InvokeTask call) {
        if (call.token() != null) return startWaiting(record, call, timeouts);
        return outcomeEvent(tasks.invoke(call));
      }
      if (command instanceof Command.RunChildren run) {
        children.fanOut(record, decision.state(), run);
        return null; // the parent waits for its children's join
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

  private static Event outcomeEvent(TaskOutcome outcome) {
    return outcome.error() != null || outcome.result() == null
        ? new Event.TaskFailed(outcome.error(), outcome.cause())
        : new Event.TaskSucceeded(outcome.result());
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
