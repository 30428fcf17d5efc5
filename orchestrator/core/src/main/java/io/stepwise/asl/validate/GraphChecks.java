package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transition graph of one state machine (the top level, a branch or an item processor):
 * every target exists in the same machine, some state is terminal, every state is named by StartAt or a transition.
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
      // AWS's words for every dangling target, StartAt's too (CloudFormation's answer in aws-cloudformation/cfn-lint#4074)
      problems.add(Diagnostics.MISSING_TRANSITION_TARGET, at(loc, "StartAt"), "Missing 'Next' target: " + start);
    }
    if (!terminal) {
      // As on AWS, a machine without a terminal state is not also checked for unreachable states.
      // AWS locates it nowhere for the whole machine: "... terminal state at null" (floci-io/floci#2735)
      problems.add(Diagnostics.NO_TERMINAL_STATE, loc.isEmpty() ? null : loc, "Workflow has no terminal state");
      return;
    }
    if (start == null) return; // a schema problem already, reported alone as AWS does
    Set<String> targeted = targets(start, edges);
    for (String name : edges.keySet()) {
      if (!targeted.contains(name)) {
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

  /**
   * The states StartAt or some transition names. AWS calls a state "not reachable" when nothing
   * names it, not when no path from StartAt leads to it: with StartAt naming no state, it reports
   * the state nothing transitions to and not the one that state transitions to (CloudFormation's
   * answer in aws-cloudformation/cfn-lint#4074; localstack/localstack#11978, floci-io/floci#2735).
   */
  private static Set<String> targets(String start, Map<String, List<Edge>> edges) {
    Set<String> named = new HashSet<>();
    if (start != null) named.add(start);
    for (List<Edge> out : edges.values()) for (Edge edge : out) named.add(edge.target());
    return named;
  }
}
