package io.stepwise.functions;

import java.util.Map;

/**
 * Typed reads of a handler's input map, as the Lambda runtime deserializes it (JSON numbers
 * arrive as Integer, Long, Double or BigDecimal; booleans as Boolean). A field of the wrong type
 * is the caller's mistake: it fails with IllegalArgumentException naming the field, which Step
 * Functions sees as the error {@code java.lang.IllegalArgumentException}.
 */
final class Inputs {
  private Inputs() {}

  static int integer(Map<String, Object> input, String field, int defaultValue) {
    Object value = input.get(field);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new IllegalArgumentException(field + " must be an integer, got " + value);
  }

  static double number(Map<String, Object> input, String field, double defaultValue) {
    Object value = input.get(field);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(field + " must be a number, got " + value);
  }

  static boolean bool(Map<String, Object> input, String field, boolean defaultValue) {
    Object value = input.get(field);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(field + " must be true or false, got " + value);
  }

  /** A string field, or null when absent; anything else but a string is rejected. */
  static String string(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException(field + " must be a string, got " + value);
  }

  /** An object field, or null when absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (value == null || value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new IllegalArgumentException(field + " must be an object, got " + value);
  }
}
