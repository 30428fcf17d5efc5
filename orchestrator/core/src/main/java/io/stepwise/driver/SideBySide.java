package io.stepwise.driver;

import io.stepwise.engine.ChildOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiFunction;

/**
 * The time of a Parallel's branches or an inline Map's iterations, which Step Functions runs side
 * by side: each child on a clock of its own ({@link VirtualClock#fork}), so their waits overlap.
 * A Map's iteration past the first MaxConcurrency takes the slot of the one MaxConcurrency before
 * it, starting when that one ended. Once more children failed than are tolerated (a Parallel
 * tolerates none), the failure that exceeded it ends the fan-out at its time: every child still
 * running stops there, with what it did before it (no task called after it), and none starts
 * later. The parent goes on at that failure's time, or once its last child ended.
 *
 * <p>On one thread ({@link #inTurn}) the children take their steps in time order, so a failure
 * stops every sibling at its time. On several threads, with real time, a sibling stops at its
 * next step after the failure; its events past the failure are left out at the join.
 */
final class SideBySide {
  /** One child's run, a step at a time. */
  interface Child {
    /** Where its clock stands. */
    Instant now();

    /** Takes its next step; false once it ended or its lane stopped it. */
    boolean step();

    /** How it ended (or that it was stopped), with its events. */
    ChildOutcome outcome();
  }

  private record Queued(int index, Child child, Instant at) {}

  private final Lane parent;
  private final int width;
  private final long tolerated;
  private final List<Instant> failures = new ArrayList<>();
  private Instant failedAt; // the failure that exceeded the tolerance, by time; null while within it
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
    Lane own = parent.fork(this::failedAt);
    if (width <= 0 || i < width) return own;
    Instant slotFree = ends[i - width];
    if (slotFree == null) return own.clock() == parent.clock() ? own : null; // real time: its thread waited already
    if (failed != null && !slotFree.isBefore(failed)) return null;
    own.clock().waitUntil(slotFree);
    return own;
  }

  /**
   * Runs the children on this thread: each step is taken by the child whose clock is earliest
   * (the lower index on a tie), so none acts past a sibling's failure that ends the fan-out; an
   * iteration starts once its slot is free.
   *
   * @param start child {@code i}'s run on the lane it is given
   * @return the outcomes in index order, those that never started included as stopped
   */
  List<ChildOutcome> inTurn(BiFunction<Integer, Lane, Child> start) {
    ChildOutcome[] outcomes = new ChildOutcome[ends.length];
    PriorityQueue<Queued> ready = new PriorityQueue<>(
        Comparator.comparing(Queued::at).thenComparingInt(Queued::index));
    int first = width <= 0 ? ends.length : Math.min(width, ends.length);
    for (int i = 0; i < first; i++) begin(i, start, ready, outcomes);
    while (!ready.isEmpty()) {
      Queued q = ready.poll();
      if (q.child().step()) {
        ready.add(new Queued(q.index(), q.child(), q.child().now()));
        continue;
      }
      ChildOutcome outcome = q.child().outcome();
      ended(q.index(), outcome, q.child().now());
      outcomes[q.index()] = outcome;
      if (width > 0 && q.index() + width < ends.length) begin(q.index() + width, start, ready, outcomes);
    }
    List<ChildOutcome> all = new ArrayList<>(outcomes.length);
    for (ChildOutcome outcome : outcomes) if (outcome != null) all.add(outcome);
    return all;
  }

  /** Starts child {@code i}, or, when it never starts, each one after it in its slot. */
  private void begin(int i, BiFunction<Integer, Lane, Child> start, PriorityQueue<Queued> ready, ChildOutcome[] outcomes) {
    for (int c = i; c < ends.length; c += width) {
      Lane lane = laneFor(c);
      if (lane != null) {
        Child child = start.apply(c, lane);
        ready.add(new Queued(c, child, child.now()));
        return;
      }
      outcomes[c] = ChildOutcome.stopped(c);
      if (width <= 0) return;
    }
  }

  /** Child {@code i} ended (or stopped) at {@code at}. */
  synchronized void ended(int i, ChildOutcome outcome, Instant at) {
    if (outcome.stopped()) return;
    ends[i] = at;
    if (at.isAfter(lastEnd)) lastEnd = at;
    if (!outcome.failed()) return;
    failures.add(at);
    if (failures.size() <= tolerated) return;
    Collections.sort(failures);
    failedAt = failures.get((int) tolerated);
  }

  /** When the failure that exceeds the tolerance came, by time; null while within it. */
  synchronized Instant failedAt() {
    return failedAt;
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
