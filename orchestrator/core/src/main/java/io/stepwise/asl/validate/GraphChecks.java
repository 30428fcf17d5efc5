package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transition graph of one state machine (the top level, a branch or an item processor):
 * every target exists in the same machine, some state is terminal, every state is reachable.
 */
final class GraphChecks {
  private GraphChecks() {}

  /** A transition from a state, and where it is written. */
  private record Edge(String target, String location) {}

  /** {@code loc} is the machine's JSON pointer ("" for the top level). */
  static void check(JsonNode machine, String loc, Diagnostics problems) {
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject() || states.isEmpty()) return;
    Map<String, List<Edge>> edges = new LinkedHashMap<>();
    boolean terminal = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String stateLoc = at(at(loc, "States"), e.getKey());
      List<Edge> out = edges(e.getValue(), stateLoc);
      for (Edge edge : out) {
        if (!states.has(edge.target())) {
          problems.add(Diagnostics.MISSING_TRANSITION_TARGET, edge.location(),
              "Missing 'Next' target: " + edge.target());
        }
      }
      edges.put(e.getKey(), out);
      terminal |= isTerminal(e.getValue());
    }
    JsonNode startAt = machine.get("StartAt");
    String start = startAt != null && startAt.isTextual() ? startAt.asText() : null;
    if (start != null && !states.has(start)) {
      problems.add(Diagnostics.MISSING_TRANSITION_TARGET, at(loc, "StartAt"), "Missing 'StartAt' target: " + start);
      start = null;
    }
    if (!terminal) {
      // As on AWS, a machine without a terminal state is not also checked for unreachable states.
      // AWS locates it nowhere for the whole machine: "... terminal state at null" (floci-io/floci#2735)
      problems.add(Diagnostics.NO_TERMINAL_STATE, loc.isEmpty() ? null : loc, "Workflow has no terminal state");
      return;
    }
    if (start == null) return;
    Set<String> reached = reach(start, edges);
    for (String name : edges.keySet()) {
      if (!reached.contains(name)) {
        problems.add(Diagnostics.UNREACHABLE_STATE, at(at(loc, "States"), name),
            "State \"" + name + "\" is not reachable.");
      }
    }
  }

  /** Succeed and Fail states end a machine, as does any state with "End": true. */
  private static boolean isTerminal(JsonNode state) {
    if (!state.isObject()) return false;
    String type = state.path("Type").asText("");
    return type.equals("Succeed") || type.equals("Fail") || state.path("End").asBoolean(false);
  }

  /** Next, Default, Choices[].Next and Catch[].Next, wherever they are written as strings. */
  private static List<Edge> edges(JsonNode state, String loc) {
    List<Edge> out = new ArrayList<>();
    if (!state.isObject()) return out;
    add(out, state.get("Next"), at(loc, "Next"));
    add(out, state.get("Default"), at(loc, "Default"));
    for (String list : new String[] {"Choices", "Catch"}) {
      JsonNode items = state.get(list);
      if (items == null || !items.isArray()) continue;
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (item.isObject()) add(out, item.get("Next"), at(at(at(loc, list), i), "Next"));
      }
    }
    return out;
  }

  private static void add(List<Edge> out, JsonNode target, String location) {
    if (target != null && target.isTextual()) out.add(new Edge(target.asText(), location));
  }

  private static Set<String> reach(String start, Map<String, List<Edge>> edges) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!seen.add(name)) continue;
      for (Edge edge : edges.getOrDefault(name, List.of())) {
        if (edges.containsKey(edge.target())) todo.add(edge.target());
      }
    }
    return seen;
  }
}
