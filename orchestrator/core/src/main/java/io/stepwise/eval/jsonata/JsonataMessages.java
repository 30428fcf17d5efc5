package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.JException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a JSONata library error the way jsonata-js, and so AWS, words it.
 *
 * <p>The dashjoin port's message catalog says "Object" where jsonata-js says "function", quotes
 * every value it substitutes where jsonata-js JSON-renders it ({@code Argument 1}, not
 * {@code Argument "1"}), and leaves placeholders it has no value for standing. So the message is
 * rendered here from the catalog template, with marker values, and the two values the exception
 * carries ({@link JException#getCurrent()}, {@link JException#getExpected()}) put back in.
 */
final class JsonataMessages {
  private static final Pattern CODE = Pattern.compile("[A-Z]\\d{4}");
  private static final String CURRENT = "\u0001current\u0001";
  private static final String EXPECTED = "\u0001expected\u0001";
  /** The call a T0412 points into: the library reports the position just after its "(". */
  private static final Pattern CALL_BEFORE = Pattern.compile("\\$([A-Za-z_]\\w*)\\s*\\(\\s*$");
  /** A function the chain operator calls by its name alone ({@code $.a ~> $max}). */
  private static final Pattern CHAINED = Pattern.compile("~>\\s*\\$([A-Za-z_]\\w*)(?!\\s*\\(|\\w)");
  /** jsonata-js's plural for each element type a signature can ask an array for. */
  private static final Map<String, String> ARRAY_OF = Map.of(
      "a", "arrays", "b", "booleans", "f", "functions", "n", "numbers", "o", "objects", "s", "strings");

  private JsonataMessages() {}

  /** The error's code ({@code T2001}), or null for an uncoded message such as a bound's. */
  static String code(JException e) {
    String error = e.getError();
    return error != null && CODE.matcher(error).matches() ? error : null;
  }

  /** {@code CODE: message}, or the bare message of an uncoded error. */
  static String describe(JException e, String expression) {
    String code = code(e);
    String message = message(e, expression);
    return code == null || code.equals(message) ? message : code + ": " + message;
  }

  /**
   * AWS's words when an evaluation nests past its depth bound (TestState's cause in
   * floci-io/floci#2737): the library's sentence with one space after the full stop and without
   * its {@code Depth=101 max=100} tail.
   */
  static final String STACK_OVERFLOW =
      "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive";

  /** The message without its code, e.g. {@code Argument 1 of function "abs" does not match function signature}. */
  static String message(JException e, String expression) {
    String code = code(e);
    if (code == null) {
      String error = String.valueOf(e.getError());
      return error.startsWith("Stack overflow error:") ? STACK_OVERFLOW : error;
    }
    if (e instanceof ReferenceSignature.Mismatch mismatch) return mismatch(code, mismatch, expression);
    String current = JsonataValues.toJsonText(e.getCurrent());
    String expected = JsonataValues.toJsonText(e.getExpected());
    switch (code) {
      case "T0412": // the library carries the argument and its element type, not index and name
        return "Argument 1 of function \"" + functionAt(expression, e.getLocation())
            + "\" must be an array of \"" + ARRAY_OF.getOrDefault(String.valueOf(e.getExpected()), "values") + "\"";
      case "D1002": // the library carries the operator as the value and the value as the expected
        return "Cannot negate a non-numeric value: " + expected;
      case "S0217":
        return "The object representing the '" + e.getCurrent() + "' cannot be derived from this expression";
      case "T2009": // the library's error does not carry the operator; the trace puts it in
        return "The values " + current + " and " + expected + " either side of "
            + (e instanceof OperatorTrace.Comparison c ? "operator " + JsonataValues.toJsonText(c.operator()) : "the operator")
            + " must be of the same data type";
      default:
        break;
    }
    String template = JException.msg(code, -1, CURRENT, EXPECTED);
    if (template.startsWith("JSonataException")) return code; // a code outside the catalog
    return template.replace("Object", "function")
        .replace("{\"" + CURRENT + "\"}", String.valueOf(e.getCurrent()))
        .replace("{\"" + EXPECTED + "\"}", String.valueOf(e.getExpected()))
        .replace("\"" + CURRENT + "\"", current)
        .replace("\"" + EXPECTED + "\"", expected)
        .replace(CURRENT, String.valueOf(e.getCurrent()))
        .replace(EXPECTED, String.valueOf(e.getExpected()));
  }

  /**
   * A refused argument, the function named by the token the evaluation gave it (the call it failed
   * in, or the operator {@link OperatorTrace} found it under); else, for a call by the chain
   * operator, which has no position, by the name after {@code ~>}, or by its own name.
   */
  private static String mismatch(String code, ReferenceSignature.Mismatch mismatch, String expression) {
    String token = mismatch.token();
    if (token == null) {
      String chained = mismatch.getLocation() < 0 ? functionAt(expression, -1) : "function";
      String function = chained.equals("function") ? mismatch.signature().functionName() : chained;
      token = function == null ? "undefined" : JsonataValues.toJsonText(function);
    }
    return switch (code) {
      case "T0411" -> "Context value is not a compatible type with argument " + mismatch.argument() + " of function " + token;
      case "T0412" -> "Argument " + mismatch.argument() + " of function " + token + " must be an array of \""
          + mismatch.elements() + "\"";
      default -> "Argument " + mismatch.argument() + " of function " + token + " does not match function signature";
    };
  }

  private static String functionAt(String expression, int location) {
    if (expression != null && location < 0) { // a call by the chain operator carries no position
      Matcher chained = CHAINED.matcher(expression);
      Set<String> names = new HashSet<>();
      while (chained.find()) names.add(chained.group(1));
      if (names.size() == 1) return names.iterator().next();
    }
    if (expression != null && location > 0 && location <= expression.length()) {
      Matcher call = CALL_BEFORE.matcher(expression.substring(0, location));
      if (call.find()) return call.group(1);
    }
    return "function";
  }
}
