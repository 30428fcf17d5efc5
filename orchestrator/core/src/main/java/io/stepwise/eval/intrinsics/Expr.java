package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.JsonPath;
import java.util.List;

/** The syntax tree of an intrinsic expression: plain data, evaluated by {@link CompiledIntrinsic}. */
sealed interface Expr permits Expr.Literal, Expr.PathArg, Expr.Call {
  /** The argument as written. */
  String text();

  /**
   * A string, number, boolean or null literal. For a string, {@code source} is the text between
   * the quotes with its escapes intact ({@code States.Format} reads its template from it).
   */
  record Literal(JsonNode value, String source, String text) implements Expr {}

  /** Where a path argument is evaluated: {@code $...}, {@code $$...} or {@code $name...}. */
  enum Root { INPUT, CONTEXT, VARIABLE }

  /**
   * A path argument; {@code path} is relative to its root ({@code $$.a} and {@code $var.a} are
   * compiled as {@code $.a}). {@code variable} is the variable's name for {@link Root#VARIABLE}.
   */
  record PathArg(Root root, String variable, JsonPath path, String text) implements Expr {
    /** The path Step Functions names when it finds nothing: context paths are rewritten to {@code $}. */
    String reportedPath() {
      return root == Root.CONTEXT ? path.text() : text;
    }
  }

  /** A call of a known function; {@code args} already passed the static checks. */
  record Call(IntrinsicFunction function, List<Expr> args, String text) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }
}
