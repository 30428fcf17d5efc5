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
   * @param done and {@code failed}: the counters, which may run over
   * @param changes what UpdateMapRun changed, or null
   * @param inChildren true when each child's outcome is its own last commit, not an item of the
   *     join's (only outcomes kept from a redriven join are): see {@link Children#outcomes}
   */
  record Join(String key, int total, int wave, long tolerated, boolean created, long done, long failed, Changes changes,
      boolean inChildren) {
    /** Which child starts which: MaxConcurrency as it began and as UpdateMapRun changed it. */
    public MapRunSchedule schedule() {
      return MapRunSchedule.of(total, wave, changes == null ? "" : changes.generations());
    }
  }

  /**
   * A Map Run's limits as UpdateMapRun last set them (each null until set): shown by
   * DescribeMapRun; the join acts on {@code tolerated} and {@code generations}.
   *
   * @param generations {@link MapRunSchedule#encodeLater()}
   */
  record Changes(String generations, Integer maxConcurrency, Long toleratedCount, Double toleratedPercentage) {}

  /** What one report leaves the join at; {@code generations} as in {@link Changes} ("" for none). */
  record Progress(int total, int wave, long done, long failed, long tolerated, String generations) {
    public MapRunSchedule schedule() {
      return MapRunSchedule.of(total, wave, generations);
    }
  }

  /**
   * Creates the join; false when it exists (a retried fan-out).
   *
   * @param inChildren see {@link Join#inChildren()}
   */
  boolean create(String joinKey, int total, int wave, long tolerated, boolean inChildren);

  Join get(String joinKey);

  /** Marks every child record as written: children may start. */
  void markCreated(String joinKey);

  /**
   * Stores child {@code index}'s outcome, adds {@code counts} to the children done (see
   * {@link ChildLink#counts()}) and counts a failure. A success that counts nothing writes no
   * counter: the counters are read instead.
   */
  // A child whose outcome is kept from a failed run (redrive) is reported once by the fan-out.
  Progress report(String joinKey, ChildOutcome outcome, int counts);

  /**
   * As {@link #report} without storing the outcome: for a child whose last commit is its outcome
   * ({@link Join#inChildren()}).
   */
  Progress count(String joinKey, boolean failed, int counts);

  /**
   * UpdateMapRun: stores {@code changes} and the failures now tolerated, unless the join has
   * already failed (more failures than it tolerates) or, when {@code doneSeen >= 0}, a child
   * reported since the caller read {@code done} (the caller then reads again).
   */
  boolean change(String joinKey, long doneSeen, Changes changes, long tolerated);

  /** Every outcome reported so far, in index order. */
  List<ChildOutcome> outcomes(String joinKey);
}
