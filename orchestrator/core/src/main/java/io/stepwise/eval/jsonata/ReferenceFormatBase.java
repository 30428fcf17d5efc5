package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.List;
import java.util.Map;

/**
 * {@code $formatBase} as jsonata-js has it, JavaScript's {@code Number.prototype.toString(radix)}
 * of the rounded number: D3100 names the radix it was given, radix 10 prints as JavaScript prints
 * a number, and another radix as V8 does, with zeros for the places past a double's precision.
 */
final class ReferenceFormatBase {
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "formatBase", new JFunction((input, args) -> formatBase(args), "<n-n?:s>")));

  private ReferenceFormatBase() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  private static Object formatBase(List<?> args) {
    if (!(arg(args, 0) instanceof Number number)) return null;
    double value = ReferenceFormatNumber.round(number.doubleValue(), 0);
    long radix = arg(args, 1) instanceof Number r ? (long) ReferenceFormatNumber.round(r.doubleValue(), 0) : 10;
    if (radix < 2 || radix > 36) {
      throw new JsonataFunctionError("D3100", "The radix of the formatBase function must be between 2 and 36.  It was given "
          + ReferenceText.number(radix));
    }
    // Number.prototype.toString(10) is JavaScript's own text of a number: 1e21 is "1e+21"
    if (radix == 10 || !Double.isFinite(value)) return ReferenceText.number(value);
    return radixDigits(value, (int) radix);
  }

  /**
   * V8's DoubleToRadixCString for a whole number: past 2^53 a digit's place holds no information,
   * so the number is divided down (as a double) and those places printed as zeros.
   */
  private static String radixDigits(double whole, int radix) {
    double integer = Math.abs(whole);
    int zeros = 0;
    for (; integer / radix >= 0x1p53; zeros++) integer /= radix;
    StringBuilder digits = new StringBuilder();
    do {
      double remainder = integer % radix;
      digits.append(Character.forDigit((int) remainder, radix));
      integer = (integer - remainder) / radix;
    } while (integer > 0);
    if (whole < 0) digits.append('-');
    return digits.reverse() + "0".repeat(zeros);
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
