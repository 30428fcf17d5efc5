package io.stepwise.driver;

import io.stepwise.engine.ChildOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The time of a Parallel's branches or an inline Map's iterations, which Step Functions runs side
 * by side: each child on a clock of its own ({@link VirtualClock#fork}), so their waits overlap.
 * A Map's iteration past the first MaxConcurrency takes the slot of the one MaxConcurrency before
 * it, starting when that one ended. Once more children failed than are tolerated (a Parallel
 * tolerates none), the failure that exceeded it ends the fan-out at its time: the children run
 * after stop there, with what they did before it (no task called after it), and none starts
 * later. The parent goes on at that failure's time, or once its last child ended.
 *
 * <p>Children run in index order (or on several threads), so one that ran before a sibling
 * failed earlier is not stopped; its events past that failure are left out at the join.
 */
final class SideBySide {
  private final Lane parent;
  private final int width;
  private final long tolerated;
  private final List<Instant> failures = new ArrayList<>();
  private final Instant[] ends; // per child, when it ended; null while it runs, or when it was stopped
  private Instant lastEnd;

  /**
   * @param width how many run at once: a Map's MaxConcurrency, 0 for all
   * @param tolerated failures tolerated: the next one ends the fan-out
   */
  SideBySide(Lane parent, int count, int width, long tolerated) {
    this.parent = parent;
    this.width = width;
    this.tolerated = tolerated;
    this.ends = new Instant[count];
    this.lastEnd = parent.clock().now();
  }

  /**
   * Child {@code i}'s lane from its slot's start, or null when it never starts: its slot's child
   * was stopped, or freed the slot no sooner than the failure ending the fan-out (its own, say).
   */
  synchronized Lane laneFor(int i) {
    Instant failed = failedAt();
    Lane own = parent.fork(failed);
    if (width <= 0 || i < width) return own;
    Instant slotFree = ends[i - width];
    if (slotFree == null) return own.clock() == parent.clock() ? own : null; // real time: its thread waited already
    if (failed != null && !slotFree.isBefore(failed)) return null;
    own.clock().waitUntil(slotFree);
    return own;
  }

  /** Child {@code i} ended (or stopped) at {@code at}. */
  synchronized void ended(int i, ChildOutcome outcome, Instant at) {
    if (outcome.stopped()) return;
    ends[i] = at;
    if (at.isAfter(lastEnd)) lastEnd = at;
    if (outcome.failed()) failures.add(at);
  }

  /** When the failure that exceeds the tolerance came, by time; null while within it. */
  synchronized Instant failedAt() {
    if (failures.size() <= tolerated) return null;
    List<Instant> sorted = new ArrayList<>(failures);
    Collections.sort(sorted);
    return sorted.get((int) tolerated);
  }

  /**
   * Whether a child was stopped by the parent's own lane rather than by a failure here before
   * it: then the parent's run stops too.
   */
  synchronized boolean stoppedFromAbove(List<ChildOutcome> outcomes) {
    if (outcomes.stream().noneMatch(ChildOutcome::stopped)) return false;
    Instant failed = failedAt();
    return failed == null || parent.past(failed);
  }

  /** Moves the parent's clock to where the fan-out ends. */
  synchronized void join() {
    Instant failed = failedAt();
    parent.clock().waitUntil(failed != null ? failed : lastEnd);
  }
}
