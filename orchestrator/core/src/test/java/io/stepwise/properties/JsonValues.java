package io.stepwise.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random JSON for property tests: every kind of value, odd numbers and strings, nested a few levels. */
final class JsonValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Few keys, so that random paths often hit something. */
  static final List<String> KEYS = List.of("a", "b", "arr", "n", "s", "x y", "", "$", "0");

  private JsonValues() {}

  static Arbitrary<JsonNode> any() {
    return value(3);
  }

  static Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
        Arbitraries.just(JSON.nullNode()),
        Arbitraries.of(true, false).map(JSON::booleanNode),
        Arbitraries.integers().map(JSON::numberNode),
        Arbitraries.longs().map(JSON::numberNode),
        Arbitraries.of(0.5, -1.25, 1e300, -1e-300, 3.0, Double.MAX_VALUE).map(JSON::numberNode),
        Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("123456789012345678901234567890.5")).map(JSON::numberNode),
        strings().map(JSON::textNode));
    if (depth == 0) return scalar;
    Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(items -> {
      ArrayNode out = JSON.arrayNode();
      items.forEach(out::add);
      return out;
    });
    Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.of(KEYS), value(depth - 1)).ofMaxSize(4).map(entries -> {
      ObjectNode out = JSON.objectNode();
      entries.forEach(out::set);
      return out;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(2, object));
  }

  /** Strings with the characters parsers trip over: quotes, escapes, brackets, unicode, JSON text. */
  static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8),
        Arbitraries.strings().withChars("{}[]'\"\\,.$:() \u00e9\ud83d\ude00").ofMaxLength(8),
        Arbitraries.of("", "1", "-0", "true", "null", "{\"a\": 1}", "[1, 2]", "2026-01-01T00:00:00Z", "{% $x %}",
            "States.Format('{}', 1)", "\\{}", "é", "\ud83d\ude00"));
  }
}
