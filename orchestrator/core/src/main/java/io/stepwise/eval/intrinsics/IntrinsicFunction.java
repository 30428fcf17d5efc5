package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One {@code States.*} function: its arity, the JSON type each argument must have, and its body.
 * The types are checked statically for literal arguments and at run time for every argument.
 */
record IntrinsicFunction(
    String name, int minArgs, int maxArgs, List<Kind> kinds, Body body, StaticCheck extraCheck) {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** What a function computes from its evaluated arguments. */
  @FunctionalInterface
  interface Body {
    JsonNode apply(Args args);
  }

  /** A function-specific check of a parsed call; throws IllegalArgumentException. */
  @FunctionalInterface
  interface StaticCheck {
    void check(Expr.Call call);
  }

  /** The JSON type an argument must have. */
  enum Kind {
    ANY("any value"), STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"),
    ARRAY("an array"), OBJECT("an object");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean accepts(JsonNode value) {
      return switch (this) {
        case ANY -> true;
        case STRING -> value.isTextual();
        case NUMBER -> value.isNumber();
        case BOOLEAN -> value.isBoolean();
        case ARRAY -> value.isArray();
        case OBJECT -> value.isObject();
      };
    }

    String description() {
      return description;
    }
  }

  IntrinsicFunction {
    kinds = List.copyOf(kinds);
  }

  /** A function taking exactly one argument of each of {@code kinds}. */
  static IntrinsicFunction of(String name, Body body, Kind... kinds) {
    return new IntrinsicFunction(name, kinds.length, kinds.length, List.of(kinds), body, call -> {});
  }

  /** A function taking {@code minArgs} or more arguments; the last kind applies to the rest. */
  static IntrinsicFunction varargs(String name, int minArgs, Body body, Kind... kinds) {
    return new IntrinsicFunction(name, minArgs, UNBOUNDED, List.of(kinds), body, call -> {});
  }

  IntrinsicFunction withArity(int min, int max) {
    return new IntrinsicFunction(name, min, max, kinds, body, extraCheck);
  }

  IntrinsicFunction withCheck(StaticCheck check) {
    return new IntrinsicFunction(name, minArgs, maxArgs, kinds, body, check);
  }

  /** The kind of argument {@code index} (0-based). */
  Kind kind(int index) {
    if (kinds.isEmpty()) return Kind.ANY;
    return kinds.get(Math.min(index, kinds.size() - 1));
  }

  /** Checks arity and literal argument types; throws IllegalArgumentException naming the problem. */
  void checkStatically(Expr.Call call) {
    int count = call.args().size();
    if (count < minArgs || count > maxArgs) {
      throw new IllegalArgumentException(
          name + " takes " + arityText() + " but was given " + count + ": " + call.text());
    }
    for (int i = 0; i < count; i++) {
      if (call.args().get(i) instanceof Expr.Literal literal && !kind(i).accepts(literal.value())) {
        throw new IllegalArgumentException("Argument " + (i + 1) + " of " + name + " must be "
            + kind(i).description() + ", not " + literal.text() + ": " + call.text());
      }
    }
    extraCheck.check(call);
  }

  private String arityText() {
    if (maxArgs == UNBOUNDED) return minArgs + " or more arguments";
    if (minArgs == maxArgs) return minArgs == 1 ? "1 argument" : minArgs + " arguments";
    return minArgs + " to " + maxArgs + " arguments";
  }
}
