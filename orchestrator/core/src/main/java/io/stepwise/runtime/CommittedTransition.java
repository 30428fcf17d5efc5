package io.stepwise.runtime;

import io.stepwise.engine.HistoryEvent;
import java.time.Instant;
import java.util.List;

/**
 * A transition that has just been committed, as observers see it.
 *
 * @param before the record the transition was applied to
 * @param after the record it committed
 * @param events the history events it wrote (at a join, the children's copied in too)
 * @param startedAt when the worker began it: events stamped earlier were made by earlier
 *     transitions (a child's, copied in at its join)
 */
public record CommittedTransition(ExecutionRecord before, ExecutionRecord after, List<HistoryEvent> events, Instant startedAt) {
  /** An execution's own transition, not a Parallel branch's or Map iteration's. */
  public boolean topLevel() {
    return after.parent() == null;
  }
}
