package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Parser;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a JSONata expression reads from the context item, which Step Functions never gives it:
 * the input is {@code $states.input} and a variable is {@code $name}, so CreateStateMachine and
 * ValidateStateMachineDefinition refuse {@code phone} with {@code UNSUPPORTED_JSONATA_EXPRESSION:
 * Reference to 'phone' at the top level is not supported.}, {@code $} as the name {@code $}, and
 * {@code $$} on its own (measured on AWS in floci-io/floci#2670 and PR #2699).
 *
 * <p>Only the first step of a path reads the context; later steps, predicates, sort terms and
 * group expressions read what the step before produced, so a name there is legal. A lambda body
 * keeps the context of the expression that defines it, and an object constructor's keys are
 * expressions too ({@code {phone: 1}} names {@code phone}). The walk follows the parse tree the
 * library builds; its fields are package-private, so they are read reflectively, resolved once.
 */
final class TopLevelReferences {
  /** The name under which {@code $$} is reported: AWS words its refusal apart. */
  static final String ROOT = "$$";

  private static final Map<String, Field> FIELDS = fields("type", "value", "steps", "lhs", "rhs",
      "expression", "expressions", "procedure", "arguments", "body", "condition", "then", "_else");

  private TopLevelReferences() {}

  /** The distinct names a compiled expression reads at the top level, in writing order. */
  static List<String> of(com.dashjoin.jsonata.Jsonata compiled) {
    Parser.Symbol root = SyntaxTree.root(compiled);
    if (root == null) throw new IllegalStateException("com.dashjoin.jsonata's syntax tree cannot be read");
    Set<String> names = new LinkedHashSet<>();
    collect(root, names);
    return new ArrayList<>(names);
  }

  private static void collect(Parser.Symbol node, Set<String> names) {
    if (node == null) return;
    String type = (String) read(node, "type");
    if (type == null) return;
    switch (type) {
      case "path" -> {
        List<Parser.Symbol> steps = list(node, "steps");
        if (steps != null && !steps.isEmpty()) collect(steps.get(0), names);
      }
      case "name" -> names.add(String.valueOf(read(node, "value")));
      case "variable" -> {
        // "$" is the variable with the empty name; "$$" parses as the variable named "$"
        String name = String.valueOf(read(node, "value"));
        if (name.isEmpty()) names.add("$");
        else if (name.equals("$")) names.add(ROOT);
      }
      case "unary" -> unary(node, names);
      case "binary", "apply" -> {
        collect(symbol(node, "lhs"), names);
        collect(symbol(node, "rhs"), names);
      }
      case "function", "partial" -> {
        collect(symbol(node, "procedure"), names);
        collectAll(list(node, "arguments"), names);
      }
      case "lambda" -> collect(symbol(node, "body"), names);
      case "condition" -> {
        collect(symbol(node, "condition"), names);
        collect(symbol(node, "then"), names);
        collect(symbol(node, "_else"), names);
      }
      case "block" -> collectAll(list(node, "expressions"), names);
      case "bind" -> collect(symbol(node, "rhs"), names);
      default -> { } // literals, regexes, descendants, wildcards, transforms: no top-level read recorded
    }
  }

  /** The array constructor keeps its items in expressions, the object constructor its pairs in lhsObject. */
  private static void unary(Parser.Symbol node, Set<String> names) {
    switch (String.valueOf(read(node, "value"))) {
      case "[" -> collectAll(list(node, "expressions"), names);
      case "{" -> {
        if (node.lhsObject == null) return;
        for (Parser.Symbol[] pair : node.lhsObject) {
          collect(pair[0], names);
          collect(pair[1], names);
        }
      }
      default -> collect(symbol(node, "expression"), names);
    }
  }

  private static void collectAll(List<Parser.Symbol> nodes, Set<String> names) {
    if (nodes != null) for (Parser.Symbol n : nodes) collect(n, names);
  }

  private static Parser.Symbol symbol(Parser.Symbol node, String field) {
    return (Parser.Symbol) read(node, field);
  }

  @SuppressWarnings("unchecked")
  private static List<Parser.Symbol> list(Parser.Symbol node, String field) {
    return (List<Parser.Symbol>) read(node, field);
  }

  private static Object read(Parser.Symbol node, String field) {
    return SyntaxTree.read(FIELDS.get(field), node);
  }

  /** Fails at class load, not with a silently empty answer, if a library upgrade renames a field. */
  private static Map<String, Field> fields(String... names) {
    Map<String, Field> fields = new HashMap<>();
    for (String name : names) {
      Field field = SyntaxTree.field(Parser.Symbol.class, name);
      if (field == null) throw new IllegalStateException("com.dashjoin.jsonata's Parser.Symbol has no field " + name);
      fields.put(name, field);
    }
    return Map.copyOf(fields);
  }
}
