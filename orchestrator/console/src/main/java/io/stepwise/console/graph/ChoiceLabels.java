package io.stepwise.console.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Choice rule as an arrow's label: {@code $.n > 3}, {@code $.a is present and not ($.b == "x")},
 * or a JSONata {@code Condition} as written.
 */
final class ChoiceLabels {
  static final int MAX = 48;

  private static final Map<String, String> OPERATORS = Map.ofEntries(
      Map.entry("Equals", "=="), Map.entry("LessThan", "<"), Map.entry("GreaterThan", ">"),
      Map.entry("LessThanEquals", "<="), Map.entry("GreaterThanEquals", ">="));
  private static final List<String> TYPES = List.of("String", "Numeric", "Boolean", "Timestamp");

  private ChoiceLabels() {}

  static String of(JsonNode choice) {
    if (choice.has("Condition")) return shorten(choice.get("Condition").asText(), MAX);
    return shorten(rule(choice), MAX);
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String rule(JsonNode rule) {
    if (rule.has("And")) return joined(rule.get("And"), " and ");
    if (rule.has("Or")) return joined(rule.get("Or"), " or ");
    if (rule.has("Not")) return "not (" + rule(rule.get("Not")) + ")";
    String variable = rule.path("Variable").asText("?");
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) rule::fields) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.startsWith("Is")) {
        String what = name.substring(2).toLowerCase();
        return variable + (value.asBoolean() ? " is " : " is not ") + (what.equals("present") ? "present" : what);
      }
      boolean path = name.endsWith("Path");
      String operator = path ? name.substring(0, name.length() - 4) : name;
      String right = path ? value.asText() : value.toString();
      if (operator.equals("StringMatches")) return variable + " matches " + right;
      for (String type : TYPES) {
        if (operator.startsWith(type) && OPERATORS.containsKey(operator.substring(type.length()))) {
          return variable + " " + OPERATORS.get(operator.substring(type.length())) + " " + right;
        }
      }
    }
    return variable;
  }

  private static String joined(JsonNode rules, String separator) {
    List<String> parts = new ArrayList<>();
    for (JsonNode rule : rules) {
      String text = rule(rule);
      parts.add(rule.has("And") || rule.has("Or") ? "(" + text + ")" : text);
    }
    return String.join(separator, parts);
  }
}
