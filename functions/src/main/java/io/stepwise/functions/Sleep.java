package io.stepwise.functions;

/** The sleepMillis input field: simulates a slow task. */
final class Sleep {
  private Sleep() {}

  static void millis(int millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("sleepMillis must not be negative, got " + millis);
    }
    if (millis == 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // Keep the interrupt for the host (e.g. a local runtime shutting down) and stop the task.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sleeping", e);
    }
  }
}
