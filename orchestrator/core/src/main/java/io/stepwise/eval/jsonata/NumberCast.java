package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSONata's {@code $number}, as the reference implementation (and so AWS) casts: decimal
 * strings, {@code 0x}/{@code 0o}/{@code 0b} strings and booleans become numbers, anything else is
 * {@code D3030: Unable to cast value to a number: "abc"}. The library's own version lets a Java
 * NumberFormatException out for such strings and refuses the binary and octal forms.
 */
final class NumberCast {
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");
  private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
  private static final Pattern BINARY = Pattern.compile("0[bB][01]+");
  private static final JFunction NUMBER = new JFunction((input, args) -> number(args), "<(nsb)-:n>");

  private NumberCast() {}

  static void bind(Frame frame) {
    frame.bind("number", NUMBER);
  }

  private static Object number(List<?> args) {
    Object value = args.isEmpty() ? null : args.get(0);
    if (value == null || value instanceof Number) return value;
    if (value instanceof Boolean b) return b ? 1 : 0;
    if (value instanceof String s) {
      if (DECIMAL.matcher(s).matches()) {
        Number parsed = Functions.number(s);
        if (Double.isFinite(parsed.doubleValue())) return parsed;
      }
      if (HEX.matcher(s).matches()) return radix(s, 16);
      if (OCTAL.matcher(s).matches()) return radix(s, 8);
      if (BINARY.matcher(s).matches()) return radix(s, 2);
      throw new JsonataFunctionError("D3030", "Unable to cast value to a number: " + TextNode.valueOf(s));
    }
    throw new JsonataFunctionError("D3030", "Unable to cast value to a number");
  }

  /** The digits after the two-letter prefix, exactly while they fit a long. */
  private static Number radix(String s, int base) {
    try {
      return Long.parseLong(s.substring(2), base);
    } catch (NumberFormatException tooLong) {
      return new BigInteger(s.substring(2), base).doubleValue();
    }
  }
}
