package io.stepwise.driver;

import java.time.Instant;

/** Time for a driver: real time that sleeps, or virtual time that jumps ahead (--fast, tests). */
public interface VirtualClock {
  Instant now();

  /** Returns once {@code due} has come. */
  void waitUntil(Instant due);

  /**
   * A clock for one of several children that Step Functions runs side by side: virtual time
   * starts a clock of its own at this one's present, so each child's waits overlap the others';
   * real time is one clock for all.
   */
  default VirtualClock fork() {
    return this;
  }

  static VirtualClock system() {
    return sleeping(java.time.InstantSource.system());
  }

  /** Real time read from {@code source}, waited out by sleeping. */
  static VirtualClock sleeping(java.time.InstantSource source) {
    return new VirtualClock() {
      public Instant now() {
        return source.instant();
      }

      public void waitUntil(Instant due) {
        long millis = due.toEpochMilli() - source.millis();
        if (millis <= 0) return;
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting", e);
        }
      }
    };
  }

  /**
   * A clock that starts at {@code start} and moves only when waited on. Safe to share between
   * threads (side-by-side children), where it jumps to the latest time any of them waited for.
   */
  static VirtualClock fast(Instant start) {
    return new VirtualClock() {
      private Instant now = start;

      public synchronized Instant now() {
        return now;
      }

      public synchronized void waitUntil(Instant due) {
        if (due.isAfter(now)) now = due;
      }

      @Override
      public VirtualClock fork() {
        return fast(now());
      }
    };
  }
}
