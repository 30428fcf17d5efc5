package io.stepwise.runtime;

import io.stepwise.engine.ChildOutcome;
import java.util.List;

/**
 * The durable join of one fan-out (a Parallel's branches or a Map's iterations): counters that
 * trigger the parent, and each child's outcome. Counters may run over after a crash and a retry;
 * the outcomes, one item per child, are the truth the parent reads.
 */
public interface JoinStore {
  /**
   * @param wave how many children run at once (MaxConcurrency): the first wave starts at once,
   *     and each child that ends starts its successor
   * @param created false until every child record exists; no child is started before
   */
  record Join(String key, int total, int wave, long tolerated, boolean created) {}

  /** What one report leaves the join at. */
  record Progress(int total, int wave, long done, long failed, long tolerated) {}

  /** Creates the join; false when it exists (a retried fan-out). */
  boolean create(String joinKey, int total, int wave, long tolerated);

  Join get(String joinKey);

  /** Marks every child record as written: children may start. */
  void markCreated(String joinKey);

  /** Stores child {@code index}'s outcome and counts it done (and failed). */
  // A child whose outcome is kept from a failed run (redrive) is reported once by the fan-out.
  Progress report(String joinKey, ChildOutcome outcome);

  /** Every outcome reported so far, in index order. */
  List<ChildOutcome> outcomes(String joinKey);
}
