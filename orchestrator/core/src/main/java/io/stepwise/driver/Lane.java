package io.stepwise.driver;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Where a run's time comes from, and the instant it stops at (a sibling's failure ending the
 * Parallel or Map it runs in, known once that sibling failed; null for none).
 */
record Lane(VirtualClock clock, Supplier<Instant> stopAt) {
  static Lane of(VirtualClock clock) {
    return new Lane(clock, () -> null);
  }

  boolean past(Instant t) {
    Instant stop = stopAt.get();
    return stop != null && t.isAfter(stop);
  }

  /** A child's lane: a clock of its own, stopping at the earlier of this lane's stop and {@code failedAt}'s. */
  Lane fork(Supplier<Instant> failedAt) {
    return new Lane(clock.fork(), () -> earlier(stopAt.get(), failedAt.get()));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
