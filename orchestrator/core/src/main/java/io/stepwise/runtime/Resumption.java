package io.stepwise.runtime;

import io.stepwise.asl.State;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.Phase;
import io.stepwise.eval.ErrorNames;
import io.stepwise.items.ObjectStorage;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;

/**
 * Puts back the messages of running executions when the table outlived the queue (the local
 * stack restarted on its data directory, with a queue that kept nothing). Everything needed is
 * in the records: the next message each one keeps, the execution's own timeout, a waiting
 * task's timeout and heartbeat, and a join's children. Sending too much is harmless, since a
 * stale or duplicate message is dropped; what must not happen is an execution left waiting for
 * a message that no longer exists.
 */
public final class Resumption {
  private final ExecutionStore store;
  private final JoinStore joins;
  private final TokenStore tokens;
  private final StateMachines machines;
  private final StepQueue queue;
  private final InstantSource clock;
  private final ReaderChildren readers;
  private final Children children;

  public Resumption(ExecutionStore store, JoinStore joins, TokenStore tokens, StateMachines machines, StepQueue queue,
      InstantSource clock) {
    this(store, joins, tokens, ReaderCursors.NONE, ObjectStorage.NONE, machines, queue, clock);
  }

  /** @param cursors and {@code storage}: where Distributed Maps read their items  */
  public Resumption(ExecutionStore store, JoinStore joins, TokenStore tokens, ReaderCursors cursors, ObjectStorage storage,
      StateMachines machines, StepQueue queue, InstantSource clock) {
    this.store = store;
    this.joins = joins;
    this.tokens = tokens;
    this.machines = machines;
    this.queue = queue;
    this.clock = clock;
    this.readers = new ReaderChildren(store, joins, cursors, storage, this::machine);
    this.children = new Children(store, joins, queue, readers);
  }

  /** Resumes every RUNNING execution of every state machine; returns how many records it looked at. */
  public int resumeAll() {
    int records = 0;
    String machineCursor = null;
    do {
      StateMachineStore.MachinePage page = machines.store().list(machineCursor, 100);
      for (StateMachineStore.MachineSummary machine : page.machines()) {
        String cursor = null;
        do {
          ExecutionStore.ExecutionPage running = store.executions(machine.arn(), ExecutionStatus.RUNNING, cursor, 100);
          for (ExecutionStore.ExecutionSummary execution : running.executions()) {
            records += store.load(execution.executionArn()).map(this::resume).orElse(0);
          }
          cursor = running.nextCursor();
        } while (cursor != null);
      }
      machineCursor = page.nextCursor();
    } while (machineCursor != null);
    return records;
  }

  /** Sends what carries {@code record} on, and does the same for the children it waits on. */
  private int resume(ExecutionRecord record) {
    if (record.state().isDone()) return 1;
    store.expireLease(record.key(), record.seq()); // its holder died with the old process
    if (record.next() != null) send(record.next());
    if (record.parent() == null) {
      Integer seconds = machines.get(record.stateMachineArn(), record.machineVersion()).timeoutSeconds();
      if (seconds != null) {
        long due = record.state().info().startTime().toEpochMilli() + seconds * 1000L;
        send(new StepMessage(record.key(), 0, StepMessage.Kind.EXECUTION_TIMEOUT, due, null, null, null));
      }
    }
    String token = record.state().taskToken();
    if (token != null) resumeWaitingTask(record, token);
    int records = 1;
    if (record.state().phase() == Phase.AWAIT_CHILDREN) records += resumeChildren(record);
    return records;
  }

  private void resumeWaitingTask(ExecutionRecord record, String token) {
    TokenStore.TaskToken waiting = tokens.get(token).orElse(null);
    if (waiting != null && waiting.answer() != null) send(StepMessage.fromJson(waiting.answer())); // answered, not yet applied
    if (waiting == null || waiting.closed()) return;
    if (waiting.heartbeatSeconds() > 0) {
      send(new StepMessage(record.key(), record.seq(), StepMessage.Kind.HEARTBEAT_CHECK,
          waiting.lastHeartbeatMillis() + waiting.heartbeatSeconds() * 1000L, null, null, null, 0, token));
    }
    State state = machine(record).state(record.state().currentState());
    if (state instanceof State.Task task && task.timeout() != null && task.timeout().literal() != null
        && record.state().stateEnteredTime() != null) {
      long due = record.state().stateEnteredTime().toEpochMilli() + task.timeout().literal().asLong() * 1000L;
      send(new StepMessage(record.key(), record.seq(), StepMessage.Kind.TASK_FAILED, due, null, ErrorNames.TIMEOUT,
          null, 0, token));
    }
  }

  /**
   * The join is asked again, and children that run or whose turn it is are resumed; children
   * whose turn has not come are left to their predecessors, so MaxConcurrency holds.
   */
  private int resumeChildren(ExecutionRecord parent) {
    String joinKey = ChildLink.joinKey(parent.key(), parent.seq());
    queue.send(new StepMessage(parent.key(), parent.seq(), StepMessage.Kind.CHILDREN_DONE, 0, null, null, null), 0);
    JoinStore.Join join = joins.get(joinKey);
    Set<Integer> reported = new HashSet<>();
    for (ChildOutcome outcome : joins.outcomes(joinKey)) reported.add(outcome.index());
    boolean read = readers.reads(parent);
    MapRunSchedule schedule = join.schedule();
    int records = 0;
    for (int i = 0; i < join.total(); i++) {
      if (reported.contains(i)) continue;
      boolean due = schedule.due(i, reported);
      // An ItemReader's child gets its record only when its turn comes; a lost turn is made again.
      if (read && !due) continue;
      if (read) readers.ensureCreated(new ChildLink(parent.key(), parent.seq(), i, "", -1, true), i);
      ExecutionRecord child = store.load(ChildLink.childKey(joinKey, i)).orElse(null);
      if (child == null) continue;
      if (child.state().isDone()) {
        children.report(child); // it ended, but its report was lost with the queue
        continue;
      }
      boolean started = child.seq() > 0 || due;
      if (started) records += resume(child);
    }
    return records;
  }

  private io.stepwise.asl.StateMachine machine(ExecutionRecord record) {
    var root = machines.get(record.stateMachineArn(), record.machineVersion());
    return record.parent() == null ? root : Children.machine(root, record.parent().machinePath());
  }

  private void send(StepMessage message) {
    long wait = Math.max(0, message.dueAtMillis() - clock.millis());
    queue.send(message, (int) Math.min(StepWorker.MAX_DELAY_SECONDS, (wait + 500) / 1000));
  }
}
