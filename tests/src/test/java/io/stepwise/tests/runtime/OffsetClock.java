package io.stepwise.tests.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time plus an offset that tests push forward: after an injected crash, jumping past the
 * dead worker's lease is what waiting for it would do, without the wait.
 */
final class OffsetClock implements InstantSource {
  private final AtomicLong offsetMillis = new AtomicLong();

  @Override
  public Instant instant() {
    return Instant.now().plusMillis(offsetMillis.get());
  }

  void advance(Duration by) {
    offsetMillis.addAndGet(by.toMillis());
  }
}
