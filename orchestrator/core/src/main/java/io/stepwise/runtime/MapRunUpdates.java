package io.stepwise.runtime;

import io.stepwise.engine.Tolerance;

/**
 * UpdateMapRun on a running Map Run: MaxConcurrency for the children not yet started, and the
 * failures tolerated, which the join's next report and the parent's join decision use.
 *
 * <p>A new MaxConcurrency is a new generation of the join's {@link MapRunSchedule}, beginning
 * past every child started so far (found in the child records, chain by chain). It is written
 * only if no child reported since the records were read, so no report decided a start under the
 * old schedule that the new one does not also make; then the extra chains are started (and
 * started again by the old chain that reaches the generation first, should these starts be lost).
 */
public final class MapRunUpdates {
  private static final int ATTEMPTS = 5;

  private final ExecutionStore store;
  private final JoinStore joins;
  private final Children children;
  private final ReaderChildren readers;

  MapRunUpdates(ExecutionStore store, JoinStore joins, Children children, ReaderChildren readers) {
    this.store = store;
    this.joins = joins;
    this.children = children;
    this.readers = readers;
  }

  /** The new values, each null to leave it as it is. */
  public record Request(Integer maxConcurrency, Long toleratedCount, Double toleratedPercentage) {}

  /**
   * @param parentKey the execution whose Map runs, waiting for its children at {@code waitingSeq}
   * @param mapRunArn for errors
   */
  public void update(String parentKey, long waitingSeq, String mapRunArn, Request request) {
    String joinKey = ChildLink.joinKey(parentKey, waitingSeq);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      ExecutionRecord parent = store.load(parentKey).orElseThrow();
      if (parent.seq() != waitingSeq || parent.state().isDone()) throw completed(mapRunArn);
      JoinStore.Join join = joins.get(joinKey);
      if (join.failed() > join.tolerated()) {
        throw new ApiException("ValidationException", "Map Run " + mapRunArn + " has exceeded its tolerated failures and "
            + "is ending; it cannot be updated");
      }
      JoinStore.Changes before = join.changes() != null ? join.changes() : new JoinStore.Changes("", null, null, null);
      Long count = request.toleratedCount() != null ? request.toleratedCount() : before.toleratedCount();
      Double percentage = request.toleratedPercentage() != null ? request.toleratedPercentage() : before.toleratedPercentage();
      long tolerated = count == null && percentage == null ? join.tolerated() : Tolerance.failures(count, percentage, join.total());
      boolean read = readers.reads(parent);
      MapRunSchedule schedule = join.schedule();
      long doneSeen = -1;
      if (request.maxConcurrency() != null) {
        int wave = Math.max(1, Math.min(join.total(), request.maxConcurrency() > 0 ? request.maxConcurrency() : Children.UNBOUNDED_WAVE));
        if (join.total() > 0 && wave != schedule.wave()) {
          doneSeen = join.done();
          int from = schedule.nextFrom(highestDecided(joinKey, schedule, read, mapRunArn));
          if (from < join.total()) schedule = schedule.changed(from, wave);
        }
      }
      Integer maxConcurrency = request.maxConcurrency() != null ? request.maxConcurrency() : before.maxConcurrency();
      JoinStore.Changes changes = new JoinStore.Changes(schedule.encodeLater(), maxConcurrency, count, percentage);
      if (!joins.change(joinKey, doneSeen, changes, tolerated)) continue; // a child reported meanwhile: read again
      ChildLink sibling = new ChildLink(parentKey, waitingSeq, 0, "", -1, read);
      if (!changes.generations().equals(join.changes() == null ? "" : join.changes().generations())) {
        schedule.addedRoots(schedule.lastGeneration()).forEach(root -> children.start(sibling, root));
      }
      if (join.failed() > tolerated) children.notifyParent(parentKey, waitingSeq); // a lowered tolerance is already exceeded
      return;
    }
    throw new ApiException("ThrottlingException", "Rate exceeded: Map Run " + mapRunArn + " changed while it was "
        + "updated; try again");
  }

  /**
   * The highest index of a child of the schedule's last generation that has started or been
   * handed a start, or -1. Along each chain the started children come first, so each chain is
   * searched by halves; a chain's last started child that has ended has handed its start on.
   * An ItemReader's child gets its record when it is handed its start.
   */
  private int highestDecided(String joinKey, MapRunSchedule schedule, boolean read, String mapRunArn) {
    int highest = -1;
    for (int chain = 0; chain < schedule.wave(); chain++) {
      int low = 0;
      int high = schedule.chainLength(chain); // members [0, low) started, [high, length) not
      ExecutionRecord head = null;
      while (low < high) {
        int mid = (low + high) >>> 1;
        ExecutionRecord child = started(joinKey, schedule, schedule.chainMember(chain, mid), read, mapRunArn);
        if (child != null) {
          low = mid + 1;
          head = child;
        } else {
          high = mid;
        }
      }
      if (low == 0) continue;
      int last = schedule.chainMember(chain, low - 1); // head's index: low moved past the last member found started
      boolean handedOn = !read && head.state().isDone();
      highest = Math.max(highest, handedOn ? last + schedule.wave() : last);
    }
    return highest;
  }

  /** Child {@code index}'s record if it has started (for an ItemReader's child: if it has a record), else null. */
  private ExecutionRecord started(String joinKey, MapRunSchedule schedule, int index, boolean read, String mapRunArn) {
    ExecutionRecord child = store.load(ChildLink.childKey(joinKey, index)).orElse(null);
    if (read) return child;
    // A redriven Map re-runs only the items that failed, chained among themselves, not by index.
    if (child == null || schedule.original() && child.parent().successor() != schedule.successor(index)) {
      throw new ApiException("ValidationException", "Stepwise does not support changing the maxConcurrency of a "
          + "redriven Map Run (" + mapRunArn + ")");
    }
    return child.seq() > 0 ? child : null;
  }

  static ApiException completed(String mapRunArn) {
    return new ApiException("ValidationException", "Map Run " + mapRunArn + " has already completed and cannot be updated");
  }

}
