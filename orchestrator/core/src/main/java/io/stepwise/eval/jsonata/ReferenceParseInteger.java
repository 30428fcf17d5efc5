package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code $parseInteger} with a decimal picture as jsonata-js parses it, which checks the text
 * against nothing: the picture's grouping separators are taken out ({@code ,} alone when they are
 * regular, a jsonata-js quirk), an ordinal's ({@code ;o}) last two characters dropped, digits of
 * another family made ASCII, and what is left read by JavaScript's {@code parseInt}: its leading
 * digits ({@code 12ab} is 12, {@code 1.5} is 1). No digits at all is NaN, which AWS writes as "NaN"
 * ({@code $parseInteger("abc", "0")}, floci-io/floci#2737).
 * Words, letters, roman numerals and sequences stay the library's.
 */
final class ReferenceParseInteger {
  /** The zero of each Unicode decimal digit family jsonata-js knows. */
  private static final int[] DECIMAL_GROUPS = {0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6,
      0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
      0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
      0xAA50, 0xABF0, 0xFF10};
  private static final Set<String> NOT_DECIMAL = Set.of("A", "a", "I", "i", "W", "Ww", "w");
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "parseInteger", new JFunction((input, args) -> parse(args), "<s-s:n>")));

  /** A decimal picture: its digit family, ordinal or not, and what separates its groups. */
  private record Decimal(int zero, boolean ordinal, boolean regular, List<String> separators) {}

  private ReferenceParseInteger() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  private static Object parse(List<?> args) {
    String value = args.isEmpty() ? null : (String) args.get(0);
    String picture = args.size() < 2 ? null : (String) args.get(1);
    if (value == null) return null;
    Decimal decimal = picture == null ? null : decimal(picture);
    if (decimal == null) return library(value, picture);
    String digits = decimal.ordinal() ? value.substring(0, Math.max(0, value.length() - 2)) : value;
    if (decimal.regular()) {
      digits = digits.replace(",", "");
    } else {
      for (String separator : decimal.separators()) digits = digits.replace(separator, "");
    }
    if (decimal.zero() != '0') {
      StringBuilder ascii = new StringBuilder();
      for (int c : digits.codePoints().toArray()) {
        int mapped = c - decimal.zero() + '0';
        if (mapped < 0) return library(value, picture); // JavaScript's RangeError
        ascii.appendCodePoint(mapped);
      }
      digits = ascii.toString();
    }
    Number parsed = parseInt(digits);
    return parsed == null ? (Object) Double.NaN : parsed;
  }

  /** jsonata-js's analyseIntegerPicture, for a decimal-digit pattern; null for any other picture. */
  private static Decimal decimal(String picture) {
    int semicolon = picture.lastIndexOf(';');
    String primary = semicolon < 0 ? picture : picture.substring(0, semicolon);
    boolean ordinal = semicolon >= 0 && picture.startsWith("o", semicolon + 1);
    if (NOT_DECIMAL.contains(primary)) return null;
    int zero = -1;
    int mandatory = 0;
    int position = 0;
    List<String> separators = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int[] codePoints = primary.codePoints().toArray();
    for (int i = codePoints.length - 1; i >= 0; i--) { // from the right, where grouping positions count from
      int group = group(codePoints[i]);
      if (group >= 0) {
        if (zero >= 0 && group != zero) return null; // mixed digit families: the library's error
        zero = group;
        mandatory++;
        position++;
      } else if (codePoints[i] == '#') {
        position++;
      } else {
        separators.add(new String(Character.toChars(codePoints[i])));
        positions.add(position);
      }
    }
    return mandatory == 0 ? null : new Decimal(zero, ordinal, regular(separators, positions), separators);
  }

  /** Whether the separators are one character at equal intervals (jsonata-js's regularRepeat). */
  private static boolean regular(List<String> separators, List<Integer> positions) {
    if (separators.isEmpty() || separators.stream().distinct().count() > 1) return false;
    int factor = positions.stream().reduce(0, ReferenceParseInteger::gcd);
    if (factor == 0) return false;
    for (int index = 1; index <= positions.size(); index++) {
      if (!positions.contains(index * factor)) return false;
    }
    return true;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static int group(int codePoint) {
    for (int zero : DECIMAL_GROUPS) if (codePoint >= zero && codePoint <= zero + 9) return zero;
    return -1;
  }

  /** JavaScript's {@code parseInt(text)}: leading space, a sign, {@code 0x} for hex, leading digits; null for NaN. */
  static Number parseInt(String text) {
    int i = 0;
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))
        || text.charAt(i) == '\uFEFF')) i++;
    boolean negative = i < text.length() && text.charAt(i) == '-';
    if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) i++;
    int radix = 10;
    if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
      radix = 16;
      i += 2;
    }
    int start = i;
    while (i < text.length() && Character.digit(text.charAt(i), radix) >= 0 && text.charAt(i) < 128) i++;
    if (i == start) return null;
    BigInteger parsed = new BigInteger(text.substring(start, i), radix);
    if (negative) parsed = parsed.negate();
    return parsed.bitLength() < 63 ? (Number) parsed.longValue() : (Number) parsed.doubleValue();
  }

  private static Object library(String value, String picture) {
    try {
      return Functions.parseInteger(value, picture);
    } catch (ParseException e) { // as the library's own binding lets it out
      throw new IllegalStateException(e);
    }
  }
}
