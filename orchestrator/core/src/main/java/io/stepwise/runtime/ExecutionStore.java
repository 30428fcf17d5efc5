package io.stepwise.runtime;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where executions live. Every write is one conditional single-item write: the record is
 * versioned by {@code seq}, and the history of transition {@code seq} is written under a lease so
 * that only one worker at a time can be producing it. A transition commits with
 * {@link #commitTransition}, its history and the record together (one write in DynamoDB).
 */
public interface ExecutionStore {
  /** The record, read strongly consistent; empty when there is none. */
  Optional<ExecutionRecord> load(String executionArn);

  /** Creates the record; false when one exists already (the caller decides what that means). */
  boolean create(ExecutionRecord record);

  /**
   * Writes new records in batches, unconditionally: for children that cannot have started yet
   * (none is sent a message before all are written).
   */
  void createAll(List<ExecutionRecord> records);

  /**
   * As {@link #createAll}, for the children of join {@code joinKey} that only {@link #load} reads
   * until their first commit: a store may pack several into one item, which {@code load} reads
   * while a child has no commit of its own.
   */
  default void createChildren(String joinKey, List<ExecutionRecord> records) {
    createAll(records);
  }

  /**
   * Writes the history events of transition {@code seq}, claiming it for {@code leaseOwner}
   * until {@code leaseUntil}; with no events, the claim a transition takes before a task call
   * (a store that writes history only with its commit takes only that).
   *
   * @throws ConflictException when another live worker holds the lease, or the transition is
   *     committed already
   */
  void writeHistory(String executionArn, long seq, List<HistoryEvent> events, String leaseOwner, Instant now, Instant leaseUntil);

  /**
   * Ends the lease on transition {@code seq}'s history, if one is held: for a restart, when no
   * worker that could hold it is alive any more (the local stack, after a crash).
   */
  void expireLease(String executionArn, long seq);

  /**
   * Replaces the record with {@code next}, whose seq is {@code expectedSeq + 1}.
   *
   * @throws ConflictException when the stored record is no longer at {@code expectedSeq}
   */
  void commit(ExecutionRecord next, long expectedSeq);

  /**
   * The commit point of transition {@code next.seq() - 1}: writes its history {@code events}
   * and commits {@code next}, under the transition's lease. A store may make this one write (the
   * history item that holds the record); by default it is {@link #writeHistory} then
   * {@link #commit}.
   *
   * @throws ConflictException when the transition was committed already, or another live worker
   *     holds its lease
   */
  default void commitTransition(ExecutionRecord next, List<HistoryEvent> events, String leaseOwner, Instant now,
      Instant leaseUntil) {
    writeHistory(next.key(), next.seq() - 1, events, leaseOwner, now, leaseUntil);
    commit(next, next.seq() - 1);
  }

  /**
   * After a commit that changed the execution's status: brings what lists executions by status
   * up to date (idempotent; a store whose listing reads the records needs nothing).
   */
  default void reindex(ExecutionRecord committed) {}

  /** History events in order, from the transitions committed so far, paged by transition. */
  HistoryPage history(String executionArn, long fromSeq, int maxEvents);

  /** A page of history and where the next one starts (-1 when there is none). */
  record HistoryPage(List<HistoryEvent> events, long nextSeq) {}

  /**
   * The committed history of transitions {@code lowSeq} to {@code highSeq} (both included), at
   * most {@code maxTransitions} of them, each with its seq: ascending from {@code lowSeq}, or
   * descending from {@code highSeq} when {@code reverse}. GetExecutionHistory pages with it in
   * both directions; the caller bounds {@code highSeq} by the record's seq.
   */
  default List<TransitionEvents> transitions(String executionArn, long lowSeq, long highSeq, boolean reverse,
      int maxTransitions) {
    throw new UnsupportedOperationException("this store does not page transitions");
  }

  /** The history events one transition wrote. */
  record TransitionEvents(long seq, List<HistoryEvent> events) {}

  /**
   * Executions of one state machine, newest first, optionally of one status only, from an index
   * that may lag the records by a moment (as ListExecutions does on AWS).
   *
   * @param status null for every status
   * @param after the {@code nextCursor} of the previous page, null for the first page
   */
  default ExecutionPage executions(String stateMachineArn, ExecutionStatus status, String after, int max) {
    throw new UnsupportedOperationException("this store does not list executions");
  }

  /** What the index knows of an execution. */
  record ExecutionSummary(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
      Instant startDate) {}

  /** A page of executions and the cursor of the next one (null when there is none). */
  record ExecutionPage(List<ExecutionSummary> executions, String nextCursor) {}

  /** A conditional write lost: someone else changed the item first. */
  final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }
}
