package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Utils;
import com.dashjoin.jsonata.utils.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function signature ({@code <s-nn?:s>}) checked as jsonata-js's signature.js checks it, so a
 * refused argument is numbered as AWS numbers it.
 *
 * <p>Each argument is one symbol ({@code s n b l o a f}, {@code m} for undefined) and the
 * signature one regular expression over them. When the whole does not match, the refused argument
 * is found by matching the signature's parameters one more at a time against the front of the
 * symbols: T0410 names the argument after the longest front that matched ({@code $length('a', 'b')}
 * refuses argument 2). The library matches each partial pattern against all the symbols, so it
 * always named argument 1. A missing context-bound argument whose context is of the wrong type is
 * T0411, an array whose members are not of the signature's element type T0412, each with the
 * argument's number.
 *
 * <p>The library's parse is kept (the superclass: {@link #getNumberOfArgs()} counts its
 * parameters for partial application); validation is this port's.
 */
final class ReferenceSignature extends Signature {
  /** jsonata-js's plural for each element type a signature can ask an array for. */
  private static final Map<String, String> ARRAY_OF = Map.of(
      "a", "arrays", "b", "booleans", "f", "functions", "n", "numbers", "o", "objects", "s", "strings");

  /** One parameter: its type ({@code s}, {@code a}, {@code (sf)}), symbol regex, context and element type. */
  private record Param(String type, String regex, boolean context, Pattern contextRegex, String subtype) {}

  private final String functionName;
  private final List<Param> params;
  private final Pattern whole;

  ReferenceSignature(String definition, String functionName) {
    super(definition, functionName);
    this.functionName = functionName;
    this.params = parse(definition);
    StringBuilder regex = new StringBuilder("^");
    for (Param param : params) regex.append('(').append(param.regex()).append(')');
    this.whole = Pattern.compile(regex.append('$').toString());
  }

  /** The name the function was defined with, for an error no call site names. */
  String functionName() {
    return functionName;
  }

  /** jsonata-js's parseSignature: the parameters between {@code <} and {@code :} (or {@code >}). */
  private static List<Param> parse(String signature) {
    List<Param> params = new ArrayList<>();
    for (int position = 1; position < signature.length(); position++) {
      char symbol = signature.charAt(position);
      if (symbol == ':') break; // the return type is not checked
      switch (symbol) {
        case 's', 'n', 'b', 'l', 'o' -> params.add(new Param(String.valueOf(symbol), "[" + symbol + "m]", false, null, null));
        case 'a', 'x' -> params.add(new Param(String.valueOf(symbol), "[asnblfom]", false, null, null));
        case 'f' -> params.add(new Param("f", "f", false, null, null));
        case 'j' -> params.add(new Param("j", "[asnblom]", false, null, null));
        case '-' -> params.set(params.size() - 1, withContext(last(params)));
        case '?', '+' -> params.set(params.size() - 1, withSuffix(last(params), symbol));
        case '(' -> {
          int end = closing(signature, position, '(', ')');
          String choice = signature.substring(position + 1, end);
          params.add(new Param("(" + choice + ")", "[" + choice + "m]", false, null, null));
          position = end;
        }
        case '<' -> { // an element type, of an array or a function (whose is not checked)
          int end = closing(signature, position, '<', '>');
          Param last = last(params);
          params.set(params.size() - 1, new Param(last.type(), last.regex(), last.context(), last.contextRegex(),
              signature.substring(position + 1, end)));
          position = end;
        }
        default -> { }
      }
    }
    return params;
  }

  private static Param last(List<Param> params) {
    return params.get(params.size() - 1);
  }

  private static Param withContext(Param p) {
    return new Param(p.type(), p.regex() + "?", true, Pattern.compile(p.regex()), p.subtype());
  }

  private static Param withSuffix(Param p, char suffix) {
    return new Param(p.type(), p.regex() + suffix, p.context(), p.contextRegex(), p.subtype());
  }

  private static int closing(String text, int start, char open, char close) {
    int depth = 1;
    int position = start;
    while (position < text.length() - 1) {
      char symbol = text.charAt(++position);
      if (symbol == close && --depth == 0) break;
      if (symbol == open) depth++;
    }
    return position;
  }

  /** jsonata-js's symbol of a value: {@code m} for undefined, {@code l} for JSON null. */
  static char symbol(Object value) {
    if (value == null) return 'm';
    if (value == JsonataValues.NULL) return 'l';
    if (Utils.isFunction(value) || Functions.isLambda(value) || value instanceof Pattern) return 'f';
    if (value instanceof String) return 's';
    if (value instanceof Number) return 'n';
    if (value instanceof Boolean) return 'b';
    if (value instanceof List) return 'a';
    if (value instanceof Map) return 'o';
    return 'm';
  }

  /**
   * The arguments as the function receives them: a missing context-bound argument is the context,
   * a single value where an array is expected is wrapped in one.
   *
   * @throws Mismatch T0410, T0411 or T0412, numbered as jsonata-js numbers them
   */
  @Override
  public Object validate(Object arguments, Object context) {
    List<?> args = (List<?>) arguments;
    StringBuilder supplied = new StringBuilder();
    for (Object arg : args) supplied.append(symbol(arg));
    Matcher valid = whole.matcher(supplied);
    if (!valid.matches()) throw refused(supplied.toString());
    List<Object> validated = new ArrayList<>();
    int argIndex = 0;
    for (int index = 0; index < params.size(); index++) {
      Param param = params.get(index);
      Object arg = at(args, argIndex);
      String match = valid.group(index + 1);
      if (match.isEmpty()) {
        if (param.context()) {
          if (!param.contextRegex().matcher(String.valueOf(symbol(context))).find()) {
            throw new Mismatch("T0411", argIndex + 1, null);
          }
          validated.add(context);
        } else {
          validated.add(arg);
          argIndex++;
        }
        continue;
      }
      for (char single : match.toCharArray()) { // several, where the parameter ends with '+'
        if (param.type().equals("a")) {
          arg = single == 'm' ? null : array(param, match, single, args.get(argIndex), argIndex);
        }
        // Otherwise jsonata-js passes the parameter's first argument for each one a '+' matched.
        validated.add(arg);
        argIndex++;
      }
    }
    return validated;
  }

  /** An array argument, its elements checked against the element type and a single value wrapped. */
  private Object array(Param param, String match, char single, Object arg, int argIndex) {
    boolean ok = true;
    if (param.subtype() != null) {
      if (single != 'a' && !match.equals(param.subtype())) {
        ok = false;
      } else if (single == 'a' && !((List<?>) arg).isEmpty()) {
        List<?> items = (List<?>) arg;
        char itemType = symbol(items.get(0));
        ok = itemType == param.subtype().charAt(0) && items.stream().allMatch(item -> symbol(item) == itemType);
      }
    }
    if (!ok) throw new Mismatch("T0412", argIndex + 1, ARRAY_OF.get(param.subtype()));
    if (single == 'a') return arg;
    List<Object> wrapped = new ArrayList<>();
    wrapped.add(arg);
    return wrapped;
  }

  /** jsonata-js's throwValidationError: the argument after the longest front the parameters match. */
  private Mismatch refused(String supplied) {
    StringBuilder partial = new StringBuilder("^");
    int goodTo = 0;
    for (Param param : params) {
      Matcher front = Pattern.compile(partial.append(param.regex()).toString()).matcher(supplied);
      if (!front.lookingAt()) return new Mismatch("T0410", goodTo + 1, null);
      goodTo = front.end();
    }
    return new Mismatch("T0410", goodTo + 1, null); // arguments beyond the signature's
  }

  private static Object at(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }

  /**
   * A refused argument: T0410, T0411 or T0412, the argument's 1-based number and, for T0412, the
   * plural of the element type. The function is named where the error is attributed, as jsonata-js
   * names it: its token, set on the way out of the evaluation ({@link #withToken}).
   */
  final class Mismatch extends JException {
    private final int argument;
    private final String elements;
    private final String token;

    Mismatch(String code, int argument, String elements) {
      this(code, -1, argument, elements, null);
    }

    private Mismatch(String code, int location, int argument, String elements, String token) {
      super(code, location, argument, functionName);
      this.argument = argument;
      this.elements = elements;
      this.token = token;
    }

    /** The same refusal naming the function {@code token}, as the message prints it ({@code "f"}, {@code undefined}). */
    Mismatch withToken(String token) {
      return new Mismatch(getError(), getLocation(), argument, elements, token);
    }

    int argument() {
      return argument;
    }

    /** The plural element type of a T0412 ({@code strings}), else null. */
    String elements() {
      return elements;
    }

    /** The token set by {@link #withToken}, else null. */
    String token() {
      return token;
    }

    ReferenceSignature signature() {
      return ReferenceSignature.this;
    }
  }
}
