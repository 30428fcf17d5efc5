package io.stepwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json's own reader and printer against the ObjectMapper they stand in for: same nodes, same text, same errors. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = Json.mapper();
  static final List<String> TEXTS = List.of(
      "{\"a\": 1, \"b\": [true, false, null, \"x\"], \"c\": {\"d\": {}}, \"e\": []}",
      "[0, -0, 0.0, 1.50, 1e3, -1E-7, 1e400, 2147483647, 2147483648, -9223372036854775808, 9223372036854775808,"
          + " 123456789012345678901234567890, 9.99, 0.1]",
      "\"\\u0000\\u001f\\\"\\\\\\/\\b\\f\\n\\r\\t\\u2028\\ud83d\\ude00 \\ud800 é\"",
      "{\"k\": 1, \"other\": 2, \"k\": 3}",
      "  null  ", "true", "17", "-3.25", "\"\"", "[[[[[]]]]]", "{\"\": \"\"}");

  @Test
  void parse_readsTheNodesTheMapperReads() throws JsonProcessingException {
    for (String text : TEXTS) {
      JsonNode ours = Json.parse(text);
      JsonNode mapper = MAPPER.readTree(text);
      assertSameTree(mapper, ours, text);
      assertEquals(MAPPER.writeValueAsString(mapper), Json.write(ours), text);
    }
  }

  @Test
  void parse_ofNothing_isMissing_asTheMapperReadsIt() throws JsonProcessingException {
    assertEquals(MAPPER.readTree(""), Json.parse(""));
    assertTrue(Json.parse("  \n").isMissingNode());
  }

  @Test
  void parse_refusesWhatTheMapperRefuses_withItsWords() {
    for (String bad : List.of("{} x", "1 2", "[1] [", "{", "{\"a\":}", "[1,]", "tru", "\"open", "{'a': 1}", "NaN", "01")) {
      String expected = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(bad)).getOriginalMessage();
      IllegalArgumentException ours = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
      assertEquals(expected, ours.getMessage(), bad);
    }
  }

  @Test
  void parse_refusesNestingBeyondTheLimit() {
    String deep = "[".repeat(Json.MAX_PAYLOAD_DEPTH + Json.WRAPPING_DEPTH + 1) + "]".repeat(Json.MAX_PAYLOAD_DEPTH + Json.WRAPPING_DEPTH + 1);
    assertEquals(Json.TOO_DEEP, assertThrows(IllegalArgumentException.class, () -> Json.parse(deep)).getMessage());
    String deepest = "[".repeat(Json.MAX_PAYLOAD_DEPTH + Json.WRAPPING_DEPTH) + "]".repeat(Json.MAX_PAYLOAD_DEPTH + Json.WRAPPING_DEPTH);
    assertEquals(deepest, Json.write(Json.parse(deepest)));
  }

  @Test
  void write_printsEveryNodeKindAsTheMapper() throws JsonProcessingException {
    ArrayNode nodes = Json.array();
    nodes.add(0.1).add(1e300).add(Double.NaN).add(Float.MAX_VALUE).add(1.5f).add(Long.MIN_VALUE).add((short) 7)
        .add(new BigInteger("123456789012345678901234567890")).add(new BigDecimal("1E+3")).add(new BigDecimal("1.50"))
        .add(new byte[] {1, 2, 3, (byte) 250}).add(MissingNode.getInstance()).addPOJO(Map.of("pojo", 1)).addNull();
    nodes.addObject().put("nested", "\u0007\"\\").putArray("empty");
    assertEquals(MAPPER.writeValueAsString(nodes), Json.write(nodes));
    assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(nodes), Json.pretty(nodes));
  }

  /** Same node classes all the way down (equals alone lets 1.5 and 1.50, or an int and a long, pass). */
  private static void assertSameTree(JsonNode expected, JsonNode actual, String where) {
    assertEquals(expected.getClass(), actual.getClass(), where);
    assertEquals(expected.size(), actual.size(), where);
    if (expected.isObject()) {
      Iterator<String> names = actual.fieldNames();
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertEquals(name, names.next(), where);
        assertSameTree(expected.get(name), actual.get(name), where + "." + name);
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) assertSameTree(expected.get(i), actual.get(i), where + "[" + i + "]");
    } else {
      assertEquals(expected, actual, where);
      if (expected.isNumber()) assertEquals(expected.numberValue(), actual.numberValue(), where);
    }
  }
}
