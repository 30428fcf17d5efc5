package io.stepwise.engine;

/** How many of a Map's items may fail, from ToleratedFailureCount and -Percentage (or UpdateMapRun's). */
public final class Tolerance {
  private Tolerance() {}

  /** @param count and {@code percentage}: null when not set; none set tolerates no failure */
  public static long failures(Long count, Double percentage, int total) {
    long byPercentage = percentage == null ? 0 : (long) Math.floor(total * percentage / 100.0);
    if (count == null) return byPercentage;
    if (percentage == null) return count;
    return Math.max(count, byPercentage);
  }
}
