package io.stepwise.engine;

import io.stepwise.asl.Retrier;

/** How long a Retry waits: IntervalSeconds x BackoffRate^attempt, capped, with optional full jitter. */
final class RetryDelay {
  private RetryDelay() {}

  /**
   * @param attempt retries already made by this retrier (0 for the first retry)
   * @param retryCount the state's retry number, which seeds the jitter so replays agree
   */
  static long millis(Retrier retrier, int attempt, String executionArn, String state, int retryCount) {
    double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
    if (retrier.maxDelaySeconds() != null) seconds = Math.min(seconds, retrier.maxDelaySeconds());
    long millis = (long) Math.min(seconds * 1000, Long.MAX_VALUE / 4);
    if (retrier.jitter() == Retrier.Jitter.FULL) {
      // Deterministic per (execution, state, retry): a re-run step picks the same delay.
      long seed = (executionArn + "/" + state + "/" + retryCount).hashCode() * 0x9E3779B97F4A7C15L;
      double fraction = (new java.util.SplittableRandom(seed).nextDouble());
      millis = (long) (millis * fraction);
    }
    return millis;
  }
}
