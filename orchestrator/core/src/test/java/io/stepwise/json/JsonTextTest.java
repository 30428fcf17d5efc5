package io.stepwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void escapesEveryCharacterAsJackson() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) all.append(c);
    all.append("\ud83d\ude00\ud800 lone \udfff");
    JsonNode node = Json.object().put(all.toString(), all.toString());
    assertEquals(jackson(node), JsonText.print(node));
  }

  @Test
  void escapesLongStringsAsJacksonWhereverTheEscapesAndWideCharactersFall() {
    String json = "{\"id\":\"cust-42\",\"name\":\"Ada Lovelace\",\"note\":\"a\\\\b\"}";
    ArrayNode strings = Json.array().add(json).add("\"" + json + "\u0001").add("x".repeat(40) + "\u20ac\"tail\\")
        .add("\u00e9t\u00e9 " + "y".repeat(20) + "\n\u4e2d").add("short \"q\"");
    JsonNode node = Json.object().set("strings", strings);
    assertEquals(jackson(node), JsonText.print(node));
    assertEquals(jackson(node), JsonText.write(node, null).text());
  }

  @Test
  void printsNumbersAsJackson() {
    ArrayNode numbers = Json.array();
    for (String n : new String[] {"0", "-0", "0.0", "1.50", "1e400", "-1E-7", "123456789012345678901234567890", "9.99"}) {
      numbers.add(Json.parse(n));
      numbers.add(new BigDecimal(n));
    }
    numbers.add(0.1).add(1e300).add(Double.NaN).add(Float.MAX_VALUE).add(Long.MIN_VALUE).add((short) 7).add(true).addNull();
    for (long n : new long[] {0, -1, 9, 10, -10, 99, 100, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE}) {
      numbers.add(n).add((int) n);
    }
    assertEquals(jackson(numbers), JsonText.print(numbers));
  }

  @Test
  void refusesWhatNestsDeeperThanAPayloadMay() {
    assertNotNull(JsonText.write(nested(Json.MAX_PAYLOAD_DEPTH), null));
    assertNull(JsonText.write(nested(Json.MAX_PAYLOAD_DEPTH + 1), null));
  }

  @Test
  void aCopiedSpanCountsTowardsTheDepth() {
    JsonNode deep = nested(Json.MAX_PAYLOAD_DEPTH - 1);
    JsonText before = JsonText.write(deep, null);
    assertNotNull(JsonText.write(Json.object().set("a", deep), before));
    JsonNode deeper = Json.object().set("a", Json.object().set("b", deep));
    assertNull(JsonText.write(deeper, before));
    assertEquals(Json.tooDeep(deeper), true);
  }

  @Test
  void aSharedNodeIsCopiedWhereverItAppears() {
    ObjectNode customer = Json.object().put("name", "Ada Lovelace, Countess of Lovelace").put("tier", "gold");
    ObjectNode input = Json.object().put("id", 1);
    input.set("customer", customer);
    JsonText before = JsonText.write(input, null);
    ObjectNode output = input.deepCopy();
    output.set("customer", customer);
    output.set("again", Json.object().set("customer", customer));
    assertEquals(jackson(output), JsonText.write(output, before).text());
  }

  @Test
  void theSameTreeWrittenAgainIsTheSameText() {
    ObjectNode input = Json.object().put("comment", "x".repeat(100));
    JsonText before = JsonText.write(input, null);
    assertSame(before, JsonText.write(input, before));
    ObjectNode changed = Json.object();
    changed.setAll(input);
    changed.put("i", 1);
    assertEquals(jackson(changed), JsonText.write(changed, before).text());
  }

  @Test
  void printKeepsNoSpansButTheSameText() {
    ObjectNode details = Json.object().put("name", "Check \"quoted\" \u00e9\u4e2d");
    details.set("inputDetails", Json.object().put("truncated", false));
    assertEquals(jackson(details), JsonText.print(details));
  }

  @Test
  void aRootSharingItsFirstFieldsCopiesThemAndKeepsTheirSpans() {
    ObjectNode customer = Json.object().put("name", "Ada Lovelace, Countess of Lovelace").put("tier", "gold");
    ObjectNode input = Json.object().put("id", 1).put("note", "n\u00e9 \"quoted\"");
    input.set("customer", customer);
    input.set("lines", Json.array().add(Json.object().put("sku", "SKU-1000-long-enough-to-keep")));
    input.put("last", 0);
    JsonText text = JsonText.write(input, null);
    for (int step = 1; step <= 3; step++) {
      // As ResultPath builds its output: the input's fields in order, one replaced or added.
      ObjectNode output = Json.object();
      output.setAll(input);
      output.set(step == 2 ? "customer" : "last", Json.object().put("step", step).set("customer", customer));
      if (step == 3) output.put("added", "at the end");
      JsonText next = JsonText.write(output, text);
      assertEquals(jackson(output), next.text());
      input = output;
      text = next;
    }
    ObjectNode wrapped = Json.object();
    wrapped.set("all", input);
    wrapped.set("lines", input.get("lines"));
    assertEquals(jackson(wrapped), JsonText.write(wrapped, text).text());
  }

  @Test
  void aSharedPrefixKeepsTheDepthItReached() {
    ObjectNode input = Json.object();
    input.set("deep", nested(Json.MAX_PAYLOAD_DEPTH - 2));
    JsonText text = JsonText.write(input, null);
    ObjectNode output = Json.object();
    output.setAll(input);
    output.put("i", 1);
    JsonText next = JsonText.write(output, text);
    assertEquals(jackson(output), next.text());
    assertNotNull(JsonText.write(Json.array().add(output), next));
    assertNull(JsonText.write(Json.array().add(Json.array().add(output)), next));
  }

  @Test
  void manySharedSubtreesAreFoundThroughTheIndex() {
    ArrayNode items = Json.array();
    for (int i = 0; i < 100; i++) items.add(Json.object().put("item", i).put("text", "long enough to be kept " + i));
    JsonText text = JsonText.write(Json.object().set("items", items), null);
    ArrayNode reversed = Json.array();
    for (int i = 99; i >= 0; i--) reversed.add(items.get(i));
    JsonNode output = Json.object().set("reversed", reversed);
    assertEquals(jackson(output), JsonText.write(output, text).text());
  }

  @Test
  void printsAsTheGeneratorDoesOnWhatJsonReads() {
    for (String text : JsonTreesTest.TEXTS) {
      JsonNode node = Json.parse(text);
      assertEquals(jackson(node), JsonText.print(node), text);
      assertEquals(jackson(node), Json.write(node), text);
    }
  }

  @Test
  void printsPastThePayloadDepthAsTheGeneratorDoes() {
    for (int depth = Json.MAX_PAYLOAD_DEPTH - 1; depth <= Json.MAX_PAYLOAD_DEPTH + 2; depth++) {
      JsonNode node = Json.object().set("a", nested(depth));
      assertEquals(jackson(node), Json.write(node), "depth " + depth);
    }
  }

  /** The text of the ObjectMapper Json stands in for: the reference both printers are held to. */
  private static String jackson(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode nested(int depth) {
    JsonNode node = Json.array();
    for (int i = 1; i < depth; i++) node = Json.array().add(node);
    return node;
  }
}
