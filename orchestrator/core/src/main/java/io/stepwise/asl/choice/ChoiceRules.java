package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses JSONPath Choice rules, reporting every problem with the JSON pointer of its field. */
public final class ChoiceRules {
  /** Operator fields with a literal operand ({@code NumericEquals}) */
  private static final Map<String, Operator> LITERAL_FIELDS = new HashMap<>();
  /** Operator fields with a path operand ({@code NumericEqualsPath}) */
  private static final Map<String, Operator> PATH_FIELDS = new HashMap<>();
  private static final Set<String> COMBINATORS = Set.of("And", "Or", "Not");
  /** Fields of a top-level rule that the state parser reads */
  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Next", "Assign", "Output");

  static {
    for (Operator op : Operator.values()) {
      LITERAL_FIELDS.put(op.field(), op);
      if (op.hasPathForm()) PATH_FIELDS.put(op.field() + "Path", op);
    }
  }

  private final Diagnostics problems;
  private int found;

  private ChoiceRules(Diagnostics problems) {
    this.problems = problems;
  }

  /**
   * Parses the boolean expression of one rule object. A top-level rule (an element of Choices)
   * also carries {@code Next}, {@code Assign}, {@code Output} and {@code Comment}, which are
   * skipped here (the state parser reads them); nested rules must not have Next.
   *
   * @param location JSON pointer of the rule, e.g. {@code /States/Check/Choices/0}
   * @return the rule, or null when it has problems (each reported to {@code problems})
   */
  public static ChoiceRule parse(JsonNode rule, String location, boolean topLevel, Diagnostics problems) {
    return new ChoiceRules(problems).rule(rule, location, topLevel);
  }

  private ChoiceRule rule(JsonNode node, String at, boolean topLevel) {
    if (node == null || !node.isObject()) {
      problem(at, "A choice rule must be an object");
      return null;
    }
    int before = found;
    List<String> expressions = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (COMBINATORS.contains(field) || LITERAL_FIELDS.containsKey(field) || PATH_FIELDS.containsKey(field)) {
        expressions.add(field);
      } else if (TOP_LEVEL_FIELDS.contains(field)) {
        if (!topLevel) problem(child(at, field), "Field '" + field + "' is only allowed in a top-level choice rule");
      } else if (field.equals("Condition")) {
        problem(child(at, field), "Field 'Condition' is only allowed when the query language is JSONata");
      } else if (!field.equals("Variable") && !field.equals("Comment")) {
        problem(child(at, field), "Field '" + field + "' is not supported in a choice rule");
      }
    }
    if (topLevel && !node.has("Next")) problem(at, "A top-level choice rule must have a 'Next' field");
    ChoiceRule parsed = null;
    if (expressions.size() != 1) {
      problem(at, "A choice rule must have exactly one of And, Or, Not or a comparison operator"
          + (expressions.isEmpty() ? "" : ", found " + String.join(", ", expressions)));
    } else {
      parsed = expression(node, at, expressions.get(0));
    }
    return found == before ? parsed : null;
  }

  private ChoiceRule expression(JsonNode node, String at, String field) {
    if (!COMBINATORS.contains(field)) return comparison(node, at, field);
    if (node.has("Variable")) problem(child(at, "Variable"), "Field 'Variable' is not allowed with " + field);
    JsonNode operand = node.get(field);
    String where = child(at, field);
    if (field.equals("Not")) {
      ChoiceRule inner = rule(operand, where, false);
      return inner == null ? null : new ChoiceRule.Not(inner);
    }
    if (!operand.isArray() || operand.isEmpty()) {
      problem(where, "Field '" + field + "' must be a non-empty array of choice rules");
      return null;
    }
    List<ChoiceRule> rules = new ArrayList<>();
    for (int i = 0; i < operand.size(); i++) rules.add(rule(operand.get(i), where + "[" + i + "]", false));
    if (rules.contains(null)) return null;
    return field.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
  }

  private ChoiceRule comparison(JsonNode node, String at, String field) {
    ChoicePath variable = null;
    if (node.has("Variable")) {
      variable = path(node.get("Variable"), child(at, "Variable"), "Variable");
    } else {
      problem(at, "A choice rule with '" + field + "' must have a 'Variable' field");
    }
    Operand operand = null;
    JsonNode raw = node.get(field);
    String where = child(at, field);
    if (PATH_FIELDS.containsKey(field)) {
      ChoicePath path = path(raw, where, field);
      if (path != null) operand = new Operand.Path(path);
    } else if (LITERAL_FIELDS.get(field).acceptsLiteral(raw)) {
      operand = new Operand.Literal(raw);
    } else {
      problem(where, "The value of '" + field + "' must be " + describe(LITERAL_FIELDS.get(field).kind()));
    }
    Operator operator = PATH_FIELDS.containsKey(field) ? PATH_FIELDS.get(field) : LITERAL_FIELDS.get(field);
    return variable == null || operand == null ? null : new ChoiceRule.Comparison(variable, operator, operand);
  }

  private ChoicePath path(JsonNode raw, String at, String field) {
    if (!raw.isTextual()) {
      problem(at, "The value of '" + field + "' must be a string holding a reference path");
      return null;
    }
    try {
      return ChoicePath.parse(raw.textValue());
    } catch (IllegalArgumentException e) {
      found++;
      problems.add(Diagnostics.INVALID_JSONPATH, at,
          "The value of '" + field + "' must be a valid reference path ($.x, $$.x or $name.x): " + e.getMessage());
      return null;
    }
  }

  private static String describe(Operator.Kind kind) {
    return switch (kind) {
      case STRING, GLOB -> "a string";
      case NUMERIC -> "a number";
      case BOOLEAN, TYPE_TEST -> "a boolean";
      case TIMESTAMP -> "a timestamp string such as 2016-08-18T17:33:00Z";
    };
  }

  private void problem(String at, String message) {
    found++;
    problems.schema(at, message);
  }

  /** The JSON pointer of {@code key} under {@code at} (RFC 6901 escapes). */
  private static String child(String at, String key) {
    return at + "/" + key.replace("~", "~0").replace("/", "~1");
  }
}
