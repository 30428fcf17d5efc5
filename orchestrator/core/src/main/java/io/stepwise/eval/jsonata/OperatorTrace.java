package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.EntryCallback;
import com.dashjoin.jsonata.Jsonata.ExitCallback;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Parser.Symbol;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names the operator in an error as jsonata-js does, which the library cannot: it follows an
 * evaluation on the library's entry and exit hooks, through the nodes that matter.
 * <ul>
 *   <li>A comparison ({@code <}, {@code <=}, {@code >}, {@code >=}): the library's T2009 carries
 *       the two values but not the operator. Both operands have been evaluated (and exited) when a
 *       comparison fails, so the innermost open comparison is the one that failed.
 *   <li>The right side of {@code and} / {@code or}: jsonata-js evaluates it inside a catch that sets
 *       the error's token to the operator, so an error from there names {@code "and"} where its
 *       message has a name or an operator ({@code true and $length(1)} is {@code Argument 1 of
 *       function "and" ...}); the outermost such side, the last catch on the way out, wins.
 * </ul>
 */
final class OperatorTrace implements EntryCallback, ExitCallback {
  private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=");
  /** jsonata-js's evaluation errors whose token is an operator's text. */
  private static final Set<String> OPERATOR_TOKENS = Set.of("T2001", "T2002", "T2010");

  /** The nodes of a compiled expression that name an operator, by node (identity). */
  record Operators(Map<Symbol, String> comparisons, Map<Symbol, String> booleanRightSides) {
    boolean isEmpty() {
      return comparisons.isEmpty() && booleanRightSides.isEmpty();
    }
  }

  private final EntryCallback entry;
  private final ExitCallback exit;
  private final Operators operators;
  /** The open nodes, innermost first. */
  private final Deque<Symbol> comparisons = new ArrayDeque<>();
  private final Deque<Symbol> rightSides = new ArrayDeque<>();

  private OperatorTrace(EntryCallback entry, ExitCallback exit, Operators operators) {
    this.entry = entry;
    this.exit = exit;
    this.operators = operators;
  }

  /** The expression's operators, read once, when it is compiled. */
  static Operators of(com.dashjoin.jsonata.Jsonata compiled) {
    Map<Symbol, String> comparisons = new IdentityHashMap<>();
    Map<Symbol, String> rightSides = new IdentityHashMap<>();
    SyntaxTree.forEach(compiled, node -> {
      if (!"binary".equals(SyntaxTree.type(node)) || SyntaxTree.value(node) == null) return;
      String operator = String.valueOf(SyntaxTree.value(node)); // a one-character operator is a Character
      if (COMPARISONS.contains(operator)) comparisons.put(node, operator);
      Symbol right = SyntaxTree.rhs(node);
      if ((operator.equals("and") || operator.equals("or")) && right != null) rightSides.put(right, operator);
    });
    return new Operators(comparisons, rightSides);
  }

  /** Traces the expression on {@code frame}, keeping the hooks already there; null when it has nothing to trace. */
  static OperatorTrace install(Frame frame, Operators operators) {
    if (operators.isEmpty()) return null;
    OperatorTrace trace = new OperatorTrace((EntryCallback) frame.lookup("__evaluate_entry"),
        (ExitCallback) frame.lookup("__evaluate_exit"), operators);
    frame.setEvaluateEntryCallback(trace);
    frame.setEvaluateExitCallback(trace);
    return trace;
  }

  @Override
  public void callback(Symbol expression, Object input, Frame environment) {
    if (entry != null) entry.callback(expression, input, environment);
    if (operators.comparisons().containsKey(expression)) comparisons.push(expression);
    if (operators.booleanRightSides().containsKey(expression)) rightSides.push(expression);
  }

  @Override
  public void callback(Symbol expression, Object input, Frame environment, Object result) {
    if (exit != null) exit.callback(expression, input, environment, result);
    if (operators.comparisons().containsKey(expression)) close(comparisons, expression);
    if (operators.booleanRightSides().containsKey(expression)) close(rightSides, expression);
  }

  /** Closes the node, and any opened inside it that a failure the library caught left open. */
  private static void close(Deque<Symbol> open, Symbol node) {
    Symbol top;
    do {
      top = open.poll();
    } while (top != null && top != node);
  }

  /** The failure with the operator jsonata-js's error would name, where the library's names another or none. */
  RuntimeException attribute(RuntimeException failure) {
    if (!(failure instanceof JException e)) return failure;
    String outermostSide = rightSides.isEmpty() ? null : operators.booleanRightSides().get(rightSides.peekLast());
    if (e instanceof ReferenceSignature.Mismatch mismatch) {
      return outermostSide == null ? failure : mismatch.withToken(JsonataValues.toJsonText(outermostSide));
    }
    if ("T2009".equals(e.getError())) {
      String operator = outermostSide != null ? outermostSide
          : comparisons.isEmpty() ? null : operators.comparisons().get(comparisons.peek());
      return operator == null ? failure : new Comparison(e, operator);
    }
    if (OPERATOR_TOKENS.contains(e.getError()) && outermostSide != null) {
      return new JException(e.getError(), e.getLocation(), outermostSide, e.getExpected());
    }
    return failure;
  }

  /** A T2009 that knows the operator to name. */
  static final class Comparison extends JException {
    private final String operator;

    private Comparison(JException e, String operator) {
      super("T2009", e.getLocation(), e.getCurrent(), e.getExpected());
      this.operator = operator;
    }

    String operator() {
      return operator;
    }
  }
}
