package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import java.util.List;

/** Evaluates a parsed intrinsic expression against a scope. */
final class CompiledIntrinsic implements IntrinsicCall {
  private final String text;
  private final Expr.Call root;

  CompiledIntrinsic(String text, Expr.Call root) {
    this.text = text;
    this.root = root;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public JsonNode evaluate(Scope scope) {
    try {
      return evaluate(root, scope);
    } catch (IntrinsicException e) {
      throw e.toStatesError(text);
    }
  }

  private JsonNode evaluate(Expr expr, Scope scope) {
    if (expr instanceof Expr.Literal literal) return literal.value();
    if (expr instanceof Expr.PathArg path) return resolve(path, scope);
    Expr.Call call = (Expr.Call) expr;
    List<Expr> args = call.args();
    JsonNode[] values = new JsonNode[args.size()];
    for (int i = 0; i < values.length; i++) values[i] = evaluate(args.get(i), scope);
    return call.function().body().apply(new Args(call, values, scope));
  }

  /** A path argument must match something, unlike a plain {@code "x.$": "$.path"} field. */
  private static JsonNode resolve(Expr.PathArg path, Scope scope) {
    JsonNode root = switch (path.root()) {
      case INPUT -> scope.input();
      case CONTEXT -> scope.context();
      case VARIABLE -> scope.variable(path.variable());
    };
    JsonNode found = root == null ? null : path.path().find(root);
    if (found == null || found.isMissingNode()) {
      String stopped = root == null ? null : path.path().indexOnNonArrayCause(root);
      throw stopped != null ? IntrinsicException.pathStopped(stopped)
          : IntrinsicException.pathNotFound(path.reportedPath(), scope.input());
    }
    return found;
  }

  @Override
  public String toString() {
    return text;
  }
}
