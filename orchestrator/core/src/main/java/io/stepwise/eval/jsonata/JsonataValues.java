package io.stepwise.eval.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the JSONata library evaluates over
 * ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, its null marker).
 *
 * <p>Java {@code null} is JSONata's <em>undefined</em>; JSON null is
 * {@link com.dashjoin.jsonata.Jsonata#NULL_VALUE}. Numbers follow AWS's JavaScript model on the way
 * out: a whole number is written as an integer ({@code 3.0} comes back as {@code 3}, {@code 1e20}
 * in full) below {@code 1e21}, and a non-finite number becomes the string JavaScript names it by.
 */
final class JsonataValues {
  static final Object NULL = com.dashjoin.jsonata.Jsonata.NULL_VALUE;

  /** Past this magnitude JavaScript prints a whole number in exponent notation. */
  private static final double EXPONENT_NOTATION = 1e21;
  /** Below this magnitude every whole double is an exact long. */
  private static final double EXACT_LONG = 0x1p53;

  private JsonataValues() {}

  /** The JSONata value of a node; a null or missing node is undefined (Java null). */
  static Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode()) return null;
    if (node.isNull()) return NULL;
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toJava(element)));
      return list;
    }
    if (node.isTextual()) return node.textValue();
    if (node.isBoolean()) return node.booleanValue();
    if (node.isNumber()) return toJavaNumber(node);
    return node.asText();
  }

  /** Integers stay exact while they fit a long; everything else is a double, as in JavaScript. */
  private static Object toJavaNumber(JsonNode node) {
    if (node.isInt()) return node.intValue();
    if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
    double value = node.doubleValue();
    if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG) return (long) value;
    return value;
  }

  /**
   * The JSON of a result. A Java null inside an object or array is JSON null: the library never
   * stores undefined there (its constructors skip it), but its transform ({@code |a|{...}|})
   * copies its input through Jackson, which reads each JSON null back as Java null, and
   * jsonata-js keeps those nulls ({@code {'a': null} ~> |$|{}|} is {@code {"a": null}}).
   *
   * @throws UnsupportedResultException when the value is or contains a function (or regex)
   */
  static JsonNode toJson(Object value) {
    if (value == null || value == NULL) return Json.NODES.nullNode();
    if (value instanceof String s) return Json.NODES.textNode(s);
    if (value instanceof Boolean b) return Json.NODES.booleanNode(b);
    if (value instanceof Number n) return number(n);
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = Json.object();
      map.forEach((k, v) -> {
        object.set(String.valueOf(k), toJson(v));
      });
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.array();
      for (Object element : list) {
        array.add(toJson(element));
      }
      return array;
    }
    throw new UnsupportedResultException();
  }

  /** {@link #toJson} for messages: never fails; anything else (a token, a function) as a string. */
  static String toJsonText(Object value) {
    try {
      return Json.write(toJson(value));
    } catch (UnsupportedResultException e) {
      return Json.write(Json.text(String.valueOf(value)));
    }
  }

  static JsonNode number(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) return Json.NODES.numberNode(n.intValue());
    if (n instanceof Long l) return integral(BigInteger.valueOf(l));
    if (n instanceof BigInteger b) return integral(b);
    double d = n.doubleValue();
    if (Double.isNaN(d)) return Json.text("NaN");
    if (Double.isInfinite(d)) return Json.text(d > 0 ? "Infinity" : "-Infinity");
    if (d != Math.rint(d) || Math.abs(d) >= EXPONENT_NOTATION) return Json.NODES.numberNode(d);
    if (Math.abs(d) < EXACT_LONG) return integral(BigInteger.valueOf((long) d));
    // The digits JavaScript prints: the shortest decimal that reads back as d, then zeros.
    return integral(BigDecimal.valueOf(d).toBigInteger());
  }

  private static JsonNode integral(BigInteger value) {
    if (value.bitLength() < 32) return Json.NODES.numberNode(value.intValue());
    if (value.bitLength() < 64) return Json.NODES.numberNode(value.longValue());
    return Json.NODES.numberNode(value);
  }

  /** A result JSON cannot hold: a function, a partially applied function or a regex. */
  static final class UnsupportedResultException extends RuntimeException {
    UnsupportedResultException() {
      super(null, null, false, false);
    }
  }
}
