package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.Comparator;

/** The conformance README's rules: parsed JSON, objects as unordered maps, numbers by value. */
final class JsonCompare {
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a instanceof NumericNode && b instanceof NumericNode) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonCompare() {}

  static boolean same(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) return expected == actual;
    return expected.equals(NUMBERS_BY_VALUE, actual);
  }
}
