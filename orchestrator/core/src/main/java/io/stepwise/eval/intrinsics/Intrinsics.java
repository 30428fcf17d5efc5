package io.stepwise.eval.intrinsics;

/**
 * Entry point for ASL intrinsic functions ({@code States.Format(...)} and friends).
 * STUB: replaced by the intrinsics work; signatures are the contract.
 */
public final class Intrinsics {
  private Intrinsics() {}

  /** True when a string value is written as an intrinsic call (starts with "States." and a name then '('). */
  public static boolean isCall(String text) {
    return text != null && text.startsWith("States.") && text.indexOf('(') > 0;
  }

  /**
   * Parses an intrinsic call, checking function names and argument counts/literal types that can
   * be checked statically.
   *
   * @throws IllegalArgumentException with a message naming the problem, for validation
   */
  public static IntrinsicCall parse(String text) {
    throw new UnsupportedOperationException("intrinsics not implemented yet: " + text);
  }
}
