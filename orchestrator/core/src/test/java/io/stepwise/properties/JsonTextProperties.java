package io.stepwise.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link JsonText} prints exactly what Jackson prints, whether it renders a tree afresh or copies
 * the spans of subtrees it shares with a document written before.
 */
class JsonTextProperties {
  @Property(tries = 500)
  void printsAsJackson(@ForAll("documents") JsonNode node) {
    assertEquals(Json.write(node), JsonText.print(node));
  }

  @Property(tries = 500)
  void sharedSubtreesCopyToTheSameText(@ForAll("documents") JsonNode first, @ForAll("documents") JsonNode other) {
    JsonText before = JsonText.write(first, null);
    // As a Pass state's ResultPath does: a new object around the old one's members, plus new ones.
    ObjectNode derived = Json.object();
    derived.set("old", first);
    derived.set("other", other);
    if (first.isObject()) derived.setAll((ObjectNode) first);
    if (first.isContainerNode() && first.size() > 0) derived.set("inner", first.elements().next());
    JsonText after = JsonText.write(derived, before);
    assertEquals(Json.write(derived), after.text());
    // And again from the derived text: the copied spans carry the spans inside them.
    ObjectNode again = Json.object();
    derived.fields().forEachRemaining(e -> again.set(e.getKey(), e.getValue()));
    again.put("step", 2);
    assertEquals(Json.write(again), JsonText.write(again, after).text());
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return Arbitraries.oneOf(JsonValues.value(4), JsonValues.value(2).map(JsonTextProperties::widened));
  }

  /** Long strings and many members, so that spans are recorded and copied. */
  private static JsonNode widened(JsonNode node) {
    ObjectNode out = Json.object();
    out.set("value", node);
    out.put("long", "\u0001\"quoted\" \\ text with control \n\t\r\b\f\u001f and \u00e9\ud83d\ude00 ".repeat(3));
    out.putArray("list").add(node).add(node).add(Json.write(node));
    return out;
  }
}
