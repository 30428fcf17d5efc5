package io.stepwise.console.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.console.graph.StateGraph.Edge;
import io.stepwise.console.graph.StateGraph.EdgeKind;
import io.stepwise.console.graph.StateGraph.Kind;
import io.stepwise.console.graph.StateGraph.Node;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an ASL definition (parsed JSON) into the boxes and arrows Workflow Studio draws: Start
 * and End around the top level; Next, Choice rules, Default and Catch arrows; Parallel branches
 * and Map item processors as containers holding their own states. It draws what it is given:
 * a definition that would not validate still draws as far as its fields make sense.
 */
public final class GraphBuilder {
  public static final String START = "__start";
  public static final String END = "__end";

  private final List<Edge> edges = new ArrayList<>();

  private GraphBuilder() {}

  public static StateGraph of(JsonNode definition) {
    GraphBuilder builder = new GraphBuilder();
    List<Node> nodes = new ArrayList<>();
    nodes.add(new Node(START, Kind.START, "Start", null, null, List.of()));
    nodes.addAll(builder.level(definition, "", true));
    nodes.add(new Node(END, Kind.END, "End", null, null, List.of()));
    String startAt = definition.path("StartAt").asText(null);
    if (startAt != null && definition.path("States").has(startAt)) {
      builder.edges.add(0, new Edge(START, startAt, EdgeKind.NEXT, null));
    }
    return new StateGraph(nodes, builder.edges);
  }

  /** The states of one machine, branch or item processor; only the top level ends at End. */
  private List<Node> level(JsonNode machine, String prefix, boolean top) {
    List<Node> nodes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode state = entry.getValue();
      String id = prefix + name;
      nodes.add(new Node(id, Kind.STATE, name, state.path("Type").asText(null), StateDetails.of(state),
          children(state, id + "/")));
      arrows(id, state, prefix, top);
    }
    return nodes;
  }

  private List<Node> children(JsonNode state, String prefix) {
    String type = state.path("Type").asText("");
    if (type.equals("Parallel")) {
      List<Node> branches = new ArrayList<>();
      JsonNode list = state.path("Branches");
      for (int i = 0; i < list.size(); i++) {
        String id = prefix + i;
        branches.add(new Node(id, Kind.BRANCH, "Branch " + (i + 1), null, null, level(list.get(i), id + "/", false)));
      }
      return branches;
    }
    if (type.equals("Map")) {
      JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
      return level(processor, prefix, false);
    }
    return List.of();
  }

  private void arrows(String id, JsonNode state, String prefix, boolean top) {
    String type = state.path("Type").asText("");
    if (type.equals("Choice")) {
      for (JsonNode choice : state.path("Choices")) {
        String next = choice.path("Next").asText(null);
        if (next != null) edges.add(new Edge(id, prefix + next, EdgeKind.CHOICE, ChoiceLabels.of(choice)));
      }
      String fallback = state.path("Default").asText(null);
      if (fallback != null) edges.add(new Edge(id, prefix + fallback, EdgeKind.DEFAULT, "Default"));
    }
    String next = state.path("Next").asText(null);
    if (next != null) edges.add(new Edge(id, prefix + next, EdgeKind.NEXT, null));
    boolean ends = state.path("End").asBoolean(false) || type.equals("Succeed");
    if (top && ends) edges.add(new Edge(id, END, EdgeKind.NEXT, null));
    for (JsonNode catcher : state.path("Catch")) {
      String target = catcher.path("Next").asText(null);
      if (target == null) continue;
      List<String> errors = new ArrayList<>();
      catcher.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
      edges.add(new Edge(id, prefix + target, EdgeKind.CATCH, String.join(", ", errors)));
    }
  }
}
