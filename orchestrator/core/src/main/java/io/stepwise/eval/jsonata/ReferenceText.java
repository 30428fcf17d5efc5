package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * {@code $string} as jsonata-js (and so AWS) writes values: {@code JSON.stringify} with every
 * number first rounded to 15 significant digits ({@code Number(n.toPrecision(15))}) and then
 * printed as JavaScript prints a number: {@code 123456789012346000000}, {@code 1e+21},
 * {@code 0.30000000000000004} rounds to {@code 0.3}, {@code 5e-324}. Functions print as
 * {@code ""}, a non-finite number is {@code D3001}.
 */
final class ReferenceText {
  private static final MathContext PRECISION_15 = new MathContext(15, RoundingMode.HALF_UP);

  private ReferenceText() {}

  /** The string of {@code value}, pretty-printed with two spaces when {@code prettify}; null for undefined. */
  static String string(Object value, boolean prettify) {
    if (value == null) return null;
    if (value instanceof String s) return s;
    if (isFunction(value)) return "";
    if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
      throw new JsonataFunctionError("D3001", "Attempting to invoke string function on Infinity or NaN");
    }
    if (value instanceof Utils.JList<?> list && list.outerWrapper && !list.isEmpty()) value = list.get(0);
    StringBuilder out = new StringBuilder();
    write(out, value, prettify ? "\n" : null);
    return out.toString();
  }

  /** JavaScript's {@code Number.prototype.toString()} of the double nearest {@code n}. */
  static String number(Number n) {
    if (n instanceof Integer || n instanceof Long) return n.toString();
    double d = n.doubleValue();
    if (d == 0) return "0";
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    BigDecimal shortest = shortest(Math.abs(d));
    String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
    if (digits.isEmpty()) digits = "0";
    int exponent = shortest.precision() - shortest.scale() - 1; // of the first digit
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (exponent >= 21 || exponent <= -7) { // JavaScript's exponent form, outside [1e-6, 1e21)
      out.append(digits.charAt(0));
      if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
      return out.append('e').append(exponent >= 0 ? "+" : "-").append(Math.abs(exponent)).toString();
    }
    if (exponent < 0) return out.append("0.").append("0".repeat(-exponent - 1)).append(digits).toString();
    if (digits.length() <= exponent + 1) return out.append(digits).append("0".repeat(exponent + 1 - digits.length())).toString();
    return out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length()).toString();
  }

  /**
   * The fewest significant digits that read back as {@code d}, the nearest such (JavaScript's
   * choice; Java 17's Double.toString is not always shortest, nor is it for 5e-324).
   */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == d) return rounded;
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  /** {@code Number(n.toPrecision(15))}. */
  static double precision15(Number n) {
    if (n instanceof Integer) return n.intValue();
    double d = n.doubleValue();
    if (!Double.isFinite(d) || d == 0) return d;
    return new BigDecimal(d).round(PRECISION_15).doubleValue();
  }

  private static boolean isFunction(Object value) {
    return value instanceof JFunction || value instanceof java.util.regex.Pattern
        || !(value instanceof Map || value instanceof List || value instanceof String || value instanceof Number
            || value instanceof Boolean || value == JsonataValues.NULL);
  }

  /** {@code JSON.stringify}; {@code newline} is null for compact output, else the current line break and indent. */
  private static void write(StringBuilder out, Object value, String newline) {
    if (value == JsonataValues.NULL) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Number n) {
      double rounded = precision15(n);
      out.append(Double.isFinite(rounded) ? number(rounded) : "null");
    } else if (value instanceof List<?> list) {
      writeMembers(out, '[', ']', list.size(), newline, (i, inner) -> {
        Object element = list.get(i);
        if (element == null) out.append("null");
        else write(out, isFunction(element) ? "" : element, inner);
      });
    } else if (value instanceof Map<?, ?> map) {
      Object[] keys = map.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toArray();
      writeMembers(out, '{', '}', keys.length, newline, (i, inner) -> {
        quote(out, String.valueOf(keys[i]));
        out.append(newline == null ? ":" : ": ");
        Object member = map.get(keys[i]);
        write(out, isFunction(member) ? "" : member, inner);
      });
    } else {
      out.append("\"\"");
    }
  }

  private interface Member {
    void write(int index, String newline);
  }

  private static void writeMembers(StringBuilder out, char open, char close, int size, String newline, Member member) {
    out.append(open);
    if (size == 0) {
      out.append(close);
      return;
    }
    String inner = newline == null ? null : newline + "  ";
    for (int i = 0; i < size; i++) {
      if (i > 0) out.append(',');
      if (inner != null) out.append(inner);
      member.write(i, inner);
    }
    if (newline != null) out.append(newline);
    out.append(close);
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
              && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || lone) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }
}
