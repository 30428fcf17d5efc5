package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.EntryCallback;
import com.dashjoin.jsonata.Jsonata.ExitCallback;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Parser.Symbol;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds what one JSONata evaluation may hold, so a hostile expression fails with AWS's
 * {@code Expression evaluation memory limit exceeded: Check for excessive memory usage} (TestState's
 * cause in floci-io/floci#2737) instead of the JVM's OutOfMemoryError.
 *
 * <p>Two checks, at the exit of every step of the evaluation (the hook the library's own time
 * and depth bound uses, which still runs first):
 * <ul>
 *   <li>No value is larger than {@value #MAX_VALUE_SIZE} bytes, AWS's own bound: a number counts
 *       eight, a character one, a boolean or null one, and an array or object the sum of what it
 *       holds. AWS accepts {@code [1..873782]} (exactly the bound) and a string of 2^22 characters,
 *       and refuses one element or one doubling more (floci-io/floci#2737, measured on AWS).
 *       Arrays and objects are measured once each (by identity), so a value built by sharing one
 *       big array many times is measured as it would print, and no value is measured twice.</li>
 *   <li>No evaluation takes more than {@value #MAX_STEPS} steps. A sequence the library builds
 *       item by item (a path over a range, {@code $map}) is only seen once it is whole; each of its
 *       items is a step, so this bounds it while it grows.</li>
 * </ul>
 * Functions that make a big value from small arguments in one call are checked before they run
 * (see {@link BoundedFunctions}).
 */
final class MemoryBound implements EntryCallback, ExitCallback {
  /** AWS's bound on one value, in bytes (873,782 numbers of eight bytes). */
  static final long MAX_VALUE_SIZE = 6_990_256;
  /** AWS's words for the refusal. */
  static final String MESSAGE = "Expression evaluation memory limit exceeded: Check for excessive memory usage";
  /** What a number weighs against the bound. */
  private static final long NUMBER_BYTES = 8;
  static final long MAX_STEPS = 4_000_000;

  private final EntryCallback timeboxEntry;
  private final ExitCallback timeboxExit;
  private final long maxSteps;
  private final IdentityHashMap<Object, Long> measured = new IdentityHashMap<>();
  private long steps;

  MemoryBound(EntryCallback timeboxEntry, ExitCallback timeboxExit, long maxSteps) {
    this.timeboxEntry = timeboxEntry;
    this.timeboxExit = timeboxExit;
    this.maxSteps = maxSteps;
  }

  /** Installs the bound on {@code frame}, after {@link Frame#setRuntimeBounds}, whose checks it keeps. */
  static void install(Frame frame) {
    MemoryBound bound = new MemoryBound((EntryCallback) frame.lookup("__evaluate_entry"),
        (ExitCallback) frame.lookup("__evaluate_exit"), MAX_STEPS);
    frame.setEvaluateEntryCallback(bound);
    frame.setEvaluateExitCallback(bound);
  }

  @Override
  public void callback(Symbol expression, Object input, Frame environment) {
    if (timeboxEntry != null) timeboxEntry.callback(expression, input, environment);
  }

  @Override
  public void callback(Symbol expression, Object input, Frame environment, Object result) {
    if (timeboxExit != null) timeboxExit.callback(expression, input, environment, result);
    if (++steps > maxSteps) throw exceeded();
    if (result instanceof String || result instanceof List || result instanceof Map) {
      if (size(result) > MAX_VALUE_SIZE) throw exceeded();
    }
  }

  static JsonataFunctionError exceeded() {
    return new JsonataFunctionError(null, MESSAGE);
  }

  /** The value's size in bytes, up to just past the maximum (measuring stops there). */
  private long size(Object value) {
    if (value instanceof String text) return Math.max(1, text.length());
    if (value instanceof Number) return NUMBER_BYTES;
    if (!(value instanceof List) && !(value instanceof Map)) return 1;
    Long known = measured.get(value);
    if (known != null) return known;
    long total = 0;
    if (value instanceof List<?> items) {
      if (items.size() > MAX_VALUE_SIZE) return MAX_VALUE_SIZE + 1; // a range is not walked item by item
      for (Object item : items) {
        total += size(item);
        if (total > MAX_VALUE_SIZE) break;
      }
    } else {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        total += size(entry.getKey()) + size(entry.getValue());
        if (total > MAX_VALUE_SIZE) break;
      }
    }
    measured.put(value, total);
    return total;
  }
}
