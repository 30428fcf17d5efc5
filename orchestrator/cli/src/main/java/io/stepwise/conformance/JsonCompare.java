package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * Like {@link #same}, but a recorded string holding the recorder's placeholders
   * ({@code arn:<partition>:lambda:<region>:111111111111:...}) matches any text in their place.
   */
  static boolean matchesRecorded(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) return expected == actual;
    return expected.equals(PLACEHOLDERS, actual);
  }

  /** The recorder's placeholders; 111111111111 is its normalised account id. */
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z_][A-Za-z0-9_:.-]*>|111111111111");

  private static final Comparator<JsonNode> PLACEHOLDERS = (a, b) -> {
    if (a.isTextual() && b.isTextual() && PLACEHOLDER.matcher(a.textValue()).find()) {
      StringBuilder regex = new StringBuilder();
      Matcher m = PLACEHOLDER.matcher(a.textValue());
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(a.textValue().substring(last, m.start()))).append(".*?");
        last = m.end();
      }
      regex.append(Pattern.quote(a.textValue().substring(last)));
      return b.textValue().matches(regex.toString()) ? 0 : 1;
    }
    return NUMBERS_BY_VALUE.compare(a, b);
  };
}
