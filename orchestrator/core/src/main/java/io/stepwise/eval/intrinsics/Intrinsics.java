package io.stepwise.eval.intrinsics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point for ASL intrinsic functions ({@code States.Format(...)} and friends).
 *
 * <p>{@link #parse} does every check that needs no data (syntax, function names, argument
 * counts, literal argument types, literal {@code States.Format} templates); the returned call
 * checks the rest when it is evaluated.
 */
public final class Intrinsics {
  /** Parsed calls are immutable, so the engine can re-parse a field on every visit cheaply. */
  private static final Map<String, IntrinsicCall> CACHE = new ConcurrentHashMap<>();

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
    if (text == null) throw new IllegalArgumentException("Intrinsic function text is missing");
    IntrinsicCall cached = CACHE.get(text);
    if (cached != null) return cached;
    IntrinsicCall call = new CompiledIntrinsic(text, IntrinsicParser.parse(text));
    if (CACHE.size() < 10_000) CACHE.put(text, call);
    return call;
  }
}
