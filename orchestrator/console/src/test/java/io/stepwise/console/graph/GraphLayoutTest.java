package io.stepwise.console.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static final String MACHINE = """
      {"StartAt": "Check", "States": {
        "Check": {"Type": "Choice", "Choices": [
            {"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Fan"},
            {"And": [{"Variable": "$.s", "IsPresent": true}, {"Not": {"Variable": "$.s", "StringEquals": "x"}}], "Next": "Loop"}],
          "Default": "Done"},
        "Loop": {"Type": "Wait", "Seconds": 1, "Next": "Check"},
        "Fan": {"Type": "Parallel", "Next": "Each", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Broken"}],
          "Branches": [
            {"StartAt": "A1", "States": {"A1": {"Type": "Pass", "Next": "A2"}, "A2": {"Type": "Pass", "End": true}}},
            {"StartAt": "B1", "States": {"B1": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}]},
        "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}, "End": true},
        "Broken": {"Type": "Fail", "Error": "Oops"},
        "Done": {"Type": "Succeed"}}}
      """;

  @Test
  void everyStateBranchAndContainerIsLaidOut_childrenInsideTheirContainers() {
    JsonNode out = GraphLayout.layout(GraphBuilder.of(parse(MACHINE)));

    Map<String, JsonNode> nodes = new HashMap<>();
    out.get("nodes").forEach(n -> nodes.put(n.get("id").asText(), n));
    assertEquals(Set.of("__start", "__end", "Check", "Loop", "Fan", "Fan/0", "Fan/0/A1", "Fan/0/A2", "Fan/1", "Fan/1/B1",
        "Each", "Each/Item", "Broken", "Done"), nodes.keySet());
    assertInside(nodes.get("Fan/0/A1"), nodes.get("Fan/0"));
    assertInside(nodes.get("Fan/0"), nodes.get("Fan"));
    assertInside(nodes.get("Fan/1/B1"), nodes.get("Fan/1"));
    assertInside(nodes.get("Each/Item"), nodes.get("Each"));
    assertEquals("Fan", nodes.get("Fan/1").get("parent").asText());
    assertEquals("lambda:invoke", nodes.get("Fan/1/B1").get("detail").asText());
    assertTrue(out.get("width").asDouble() > 0 && out.get("height").asDouble() > 0);
  }

  @Test
  void arrowsCarryChoiceRulesDefaultAndCatch_eachWithARoute() {
    JsonNode out = GraphLayout.layout(GraphBuilder.of(parse(MACHINE)));

    Map<String, String> labels = new HashMap<>();
    Set<String> kinds = new HashSet<>();
    for (JsonNode edge : out.get("edges")) {
      kinds.add(edge.get("from").asText() + ">" + edge.get("to").asText() + ":" + edge.get("kind").asText());
      if (edge.hasNonNull("label")) labels.put(edge.get("from").asText() + ">" + edge.get("to").asText(), edge.get("label").asText());
      assertTrue(edge.get("points").size() >= 2, edge.toString());
    }
    assertEquals("$.n > 3", labels.get("Check>Fan"));
    assertEquals("$.s is present and not ($.s == \"x\")", labels.get("Check>Loop"));
    assertEquals("Default", labels.get("Check>Done"));
    assertEquals("States.ALL", labels.get("Fan>Broken"));
    assertTrue(kinds.containsAll(Set.of("__start>Check:next", "Loop>Check:next", "Fan>Broken:catch", "Check>Done:default",
        "Fan/0/A1>Fan/0/A2:next", "Done>__end:next", "Each>__end:next")), kinds.toString());
  }

  @Test
  void aHundredStateLoopLaysOutWithoutOverlaps() {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      String next = i == 99 ? "\"Next\": \"S0\"" : "\"Next\": \"S" + (i + 1) + "\"";
      if (i % 10 == 9) next = "\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.x\", \"BooleanEquals\": true, \"Next\": \"S0\"}], \"Default\": \"S" + ((i + 1) % 100) + "\"";
      else next = "\"Type\": \"Pass\", " + next;
      states.append(i == 0 ? "" : ",").append("\"S").append(i).append("\": {").append(next).append("}");
    }
    JsonNode out = GraphLayout.layout(GraphBuilder.of(parse("{\"StartAt\": \"S0\", \"States\": {" + states + "}}")));

    JsonNode[] boxes = new JsonNode[out.get("nodes").size()];
    for (int i = 0; i < boxes.length; i++) boxes[i] = out.get("nodes").get(i);
    assertEquals(102, boxes.length);
    for (int i = 0; i < boxes.length; i++) {
      for (int j = i + 1; j < boxes.length; j++) assertTrue(!overlap(boxes[i], boxes[j]), boxes[i] + " overlaps " + boxes[j]);
    }
  }

  @Test
  void aChildsPathSelectsItsBranchOrProcessor() {
    JsonNode definition = parse(MACHINE);

    assertEquals("B1", MachinePaths.select(definition, "Fan:1").get("StartAt").asText());
    assertEquals("Item", MachinePaths.select(definition, "Each:-1").get("StartAt").asText());
    JsonNode branch = GraphLayout.layout(GraphBuilder.of(MachinePaths.select(definition, "Fan:0")));
    assertTrue(branch.get("nodes").toString().contains("\"A2\""));
  }

  private static void assertInside(JsonNode inner, JsonNode outer) {
    assertTrue(inner.get("x").asDouble() >= outer.get("x").asDouble()
        && inner.get("y").asDouble() >= outer.get("y").asDouble()
        && inner.get("x").asDouble() + inner.get("w").asDouble() <= outer.get("x").asDouble() + outer.get("w").asDouble()
        && inner.get("y").asDouble() + inner.get("h").asDouble() <= outer.get("y").asDouble() + outer.get("h").asDouble(),
        inner + " not inside " + outer);
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    return a.get("x").asDouble() < b.get("x").asDouble() + b.get("w").asDouble()
        && b.get("x").asDouble() < a.get("x").asDouble() + a.get("w").asDouble()
        && a.get("y").asDouble() < b.get("y").asDouble() + b.get("h").asDouble()
        && b.get("y").asDouble() < a.get("y").asDouble() + a.get("h").asDouble();
  }
}
