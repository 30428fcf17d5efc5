package io.stepwise.asl;

import java.util.List;

/** One element of a state's Retry array. */
public record Retrier(
    List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
    Integer maxDelaySeconds, Jitter jitter) {

  public enum Jitter { FULL, NONE }

  public boolean matches(String error) {
    return ErrorMatch.matches(errorEquals, error);
  }

  /** As {@link #matches(String)}; without {@code wildcards}, only when ErrorEquals names the error. */
  public boolean matches(String error, boolean wildcards) {
    return ErrorMatch.matches(errorEquals, error, wildcards);
  }
}
