package io.stepwise.driver;

import java.time.Instant;

/**
 * Where a run's time comes from, and the instant it stops at (a sibling's failure ending the
 * Parallel or Map it runs in; null for none).
 */
record Lane(VirtualClock clock, Instant stopAt) {
  boolean past(Instant t) {
    return stopAt != null && t.isAfter(stopAt);
  }

  /** A child's lane: a clock of its own, stopping at the earlier of this lane's stop and {@code failedAt}. */
  Lane fork(Instant failedAt) {
    Instant stop = stopAt == null ? failedAt : failedAt == null ? stopAt : failedAt.isBefore(stopAt) ? failedAt : stopAt;
    return new Lane(clock.fork(), stop);
  }
}
