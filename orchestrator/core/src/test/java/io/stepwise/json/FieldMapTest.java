package io.stepwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {
  @Test
  void aCopyBehavesAsAnObjectWithTheSameFieldsAndLeavesTheOriginalAlone() {
    ObjectNode original = (ObjectNode) Json.parse("{\"a\":1,\"b\":{\"c\":[1,2]},\"d\":\"x\"}");
    ObjectNode copy = Json.copyOf(original);
    assertEquals(original, copy);
    assertEquals(copy, original);
    assertEquals(original.hashCode(), copy.hashCode());
    assertSame(original.get("b"), copy.get("b"));

    copy.put("a", 2).put("e", true);
    copy.remove("d");
    assertEquals("{\"a\":2,\"b\":{\"c\":[1,2]},\"e\":true}", Json.write(copy));
    assertEquals("{\"a\":1,\"b\":{\"c\":[1,2]},\"d\":\"x\"}", Json.write(original));
    assertEquals(jackson(copy), Json.write(copy));
  }

  @Test
  void aCopyOfACopySharesItsEntriesAndKeepsTheOrderOfAReplacedKey() {
    ObjectNode first = Json.copyOf((ObjectNode) Json.parse("{\"x\":1,\"last\":0,\"y\":2}"));
    ObjectNode second = Json.copyOf(first);
    second.put("last", 1);
    Iterator<Map.Entry<String, JsonNode>> a = first.fields();
    Iterator<Map.Entry<String, JsonNode>> b = second.fields();
    assertSame(a.next(), b.next());
    assertEquals("{\"x\":1,\"last\":1,\"y\":2}", Json.write(second));
    assertEquals("{\"x\":1,\"last\":0,\"y\":2}", Json.write(first));
  }

  @Test
  void removingThroughTheIteratorAndGrowingPastItsRoom() {
    ObjectNode copy = Json.copyOf((ObjectNode) Json.parse("{\"a\":1,\"b\":2,\"c\":3}"));
    for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
      if (it.next().getKey().equals("b")) it.remove();
    }
    for (int i = 0; i < 10; i++) copy.put("k" + i, i);
    List<String> keys = new ArrayList<>();
    copy.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("a", "c", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), keys);
    assertTrue(copy.has("k9"));
    assertFalse(copy.has("b"));
    assertNull(copy.get("b"));
    copy.removeAll();
    assertEquals("{}", Json.write(copy));
  }

  @Test
  void aNewSmallObjectTakesARepeatedKeyWhereItFirstStood() {
    ObjectNode object = Json.object(2);
    object.put("a", 1).put("b", 2).put("a", 3).put("c", 4);
    assertEquals("{\"a\":3,\"b\":2,\"c\":4}", Json.write(object));
    assertEquals(Json.parse("{\"c\":4,\"b\":2,\"a\":3}"), object);
  }

  @Test
  void aLargeObjectIsCopiedIntoJacksonsOwnMap() {
    ObjectNode large = Json.object();
    for (int i = 0; i <= FieldMap.MAX_FIELDS; i++) large.put("f" + i, i);
    ObjectNode copy = Json.copyOf(large);
    copy.put("f0", -1);
    assertEquals(-1, copy.get("f0").intValue());
    assertEquals(0, large.get("f0").intValue());
    assertEquals(large.size(), copy.size());
  }

  private static String jackson(JsonNode node) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
