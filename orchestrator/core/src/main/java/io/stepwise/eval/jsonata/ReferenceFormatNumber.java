package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code $formatNumber} as jsonata-js implements XPath's {@code format-number}, line for line: the
 * library hands the picture to Java's DecimalFormat, which rounds the binary value (34.555 to
 * 34.55 where jsonata-js's decimal shift makes 34.56), groups only regularly ({@code #,##,###}),
 * and refuses pictures (custom separators) that jsonata-js accepts, or the reverse.
 */
final class ReferenceFormatNumber {
  private static final Map<String, String> MESSAGES = Map.ofEntries(
      Map.entry("D3080", "The picture string must only contain a maximum of two sub-pictures"),
      Map.entry("D3081", "The sub-picture must not contain more than one instance of the 'decimal-separator' character"),
      Map.entry("D3082", "The sub-picture must not contain more than one instance of the 'percent' character"),
      Map.entry("D3083", "The sub-picture must not contain more than one instance of the 'per-mille' character"),
      Map.entry("D3084", "The sub-picture must not contain both a 'percent' and a 'per-mille' character"),
      Map.entry("D3085", "The mantissa part of a sub-picture must contain at least one character that is either an "
          + "'optional digit character' or a member of the 'decimal digit family'"),
      Map.entry("D3086", "The sub-picture must not contain a passive character that is preceded by an active "
          + "character and that is followed by another active character"),
      Map.entry("D3087", "The sub-picture must not contain a 'grouping-separator' character that appears adjacent to "
          + "a 'decimal-separator' character"),
      Map.entry("D3088", "The sub-picture must not contain a 'grouping-separator' at the end of the integer part"),
      Map.entry("D3089", "The sub-picture must not contain two adjacent instances of the 'grouping-separator' character"),
      Map.entry("D3090", "The integer part of the sub-picture must not contain a member of the 'decimal digit family' "
          + "that is followed by an instance of the 'optional digit character'"),
      Map.entry("D3091", "The fractional part of the sub-picture must not contain an instance of the 'optional digit "
          + "character' that is followed by a member of the 'decimal digit family'"),
      Map.entry("D3092", "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a character "
          + "treated as an 'exponent-separator'"),
      Map.entry("D3093", "The exponent part of the sub-picture must comprise only of one or more characters that are "
          + "members of the 'decimal digit family'"));
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "formatNumber", new JFunction((input, args) -> format(args), "<n-so?:s>")));

  private ReferenceFormatNumber() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  private record Parts(String prefix, String suffix, String activePart, String mantissaPart, String exponentPart,
      String integerPart, String fractionalPart, String subpicture) {}

  private record Picture(List<Integer> integerGrouping, int regularGrouping, int minimumIntegerSize, int scalingFactor,
      String prefix, List<Integer> fractionalGrouping, int minimumFractionalSize, int maximumFractionalSize,
      int minimumExponentSize, String suffix, String picture) {
    Picture negative(String minus) {
      return new Picture(integerGrouping, regularGrouping, minimumIntegerSize, scalingFactor, minus + prefix,
          fractionalGrouping, minimumFractionalSize, maximumFractionalSize, minimumExponentSize, suffix, picture);
    }
  }

  /** The picture's properties: XPath's defaults, overridden by the options argument. */
  private static final class Format {
    final Map<String, String> properties = new LinkedHashMap<>();
    final List<String> digits = new ArrayList<>();
    final List<String> active = new ArrayList<>();

    Format(Map<?, ?> options) {
      properties.put("decimal-separator", ".");
      properties.put("grouping-separator", ",");
      properties.put("exponent-separator", "e");
      properties.put("minus-sign", "-");
      properties.put("percent", "%");
      properties.put("per-mille", "\u2030");
      properties.put("zero-digit", "0");
      properties.put("digit", "#");
      properties.put("pattern-separator", ";");
      if (options != null) options.forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
      char zero = get("zero-digit").charAt(0);
      for (int i = 0; i < 10; i++) digits.add(String.valueOf((char) (zero + i)));
      active.addAll(digits);
      for (String name : List.of("decimal-separator", "exponent-separator", "grouping-separator", "digit", "pattern-separator")) {
        active.add(get(name));
      }
    }

    String get(String name) {
      return properties.get(name);
    }

    boolean isDigit(char c) {
      return digits.contains(String.valueOf(c));
    }

    boolean isDigitOrOptional(char c) {
      return isDigit(c) || get("digit").equals(String.valueOf(c));
    }

    boolean isActive(char c) {
      return active.contains(String.valueOf(c));
    }

    long count(String text, boolean withOptional) {
      return text.chars().filter(c -> withOptional ? isDigitOrOptional((char) c) : isDigit((char) c)).count();
    }
  }

  private static Object format(List<?> args) {
    if (args.isEmpty() || !(args.get(0) instanceof Number number)) return null;
    String picture = (String) args.get(1);
    Format f = new Format(args.size() > 2 && args.get(2) instanceof Map<?, ?> options ? options : null);
    String[] subPictures = picture.split(Pattern.quote(f.get("pattern-separator")), -1);
    if (subPictures.length > 2) throw error("D3080");
    List<Picture> pictures = new ArrayList<>();
    for (String subpicture : subPictures) {
      Parts parts = split(f, subpicture);
      validate(f, parts);
      pictures.add(analyse(f, parts));
    }
    if (pictures.size() == 1) pictures.add(pictures.get(0).negative(f.get("minus-sign")));
    double value = number.doubleValue();
    Picture pic = value >= 0 ? pictures.get(0) : pictures.get(1);
    double adjusted = pic.picture().contains(f.get("percent")) ? value * 100
        : pic.picture().contains(f.get("per-mille")) ? value * 1000 : value;
    double mantissa = adjusted;
    Integer exponent = null;
    if (pic.minimumExponentSize() != 0) {
      double max = Math.pow(10, pic.scalingFactor());
      double min = Math.pow(10, pic.scalingFactor() - 1);
      exponent = 0;
      // jsonata-js loops forever on zero or a negative number here; this stops on them
      while (mantissa > 0 && mantissa < min) {
        mantissa *= 10;
        exponent--;
      }
      while (mantissa > max) {
        mantissa /= 10;
        exponent++;
      }
    }
    double rounded = round(mantissa, pic.maximumFractionalSize());
    String zero = f.get("zero-digit");
    String decimal = f.get("decimal-separator");
    String grouping = f.get("grouping-separator");
    String s = digits(f, rounded, pic.maximumFractionalSize());
    s = s.indexOf('.') == -1 ? s + decimal : s.replaceFirst(Pattern.quote("."), java.util.regex.Matcher.quoteReplacement(decimal));
    while (s.startsWith(zero)) s = s.substring(1);
    while (s.endsWith(zero)) s = s.substring(0, s.length() - 1);
    int at = s.indexOf(decimal);
    int padLeft = pic.minimumIntegerSize() - at;
    int padRight = pic.minimumFractionalSize() - (s.length() - at - 1);
    s = (padLeft > 0 ? zero.repeat(padLeft) : "") + s + (padRight > 0 ? zero.repeat(padRight) : "");
    at = s.indexOf(decimal);
    if (pic.regularGrouping() > 0) {
      int groups = Math.floorDiv(at - 1, pic.regularGrouping());
      for (int group = 1; group <= groups; group++) {
        int cut = at - group * pic.regularGrouping();
        s = slice(s, 0, cut) + grouping + slice(s, cut, s.length());
      }
    } else {
      for (int position : pic.integerGrouping()) {
        s = slice(s, 0, at - position) + grouping + slice(s, at - position, s.length());
        at++;
      }
    }
    at = s.indexOf(decimal);
    for (int position : pic.fractionalGrouping()) {
      s = slice(s, 0, position + at + 1) + grouping + slice(s, position + at + 1, s.length());
    }
    at = s.indexOf(decimal);
    if (!pic.picture().contains(decimal) || at == s.length() - 1) s = s.substring(0, s.length() - 1);
    if (exponent != null) {
      String e = digits(f, exponent, 0);
      int pad = pic.minimumExponentSize() - e.length();
      if (pad > 0) e = zero.repeat(pad) + e;
      s = s + f.get("exponent-separator") + (exponent < 0 ? f.get("minus-sign") : "") + e;
    }
    return pic.prefix() + s + pic.suffix();
  }

  /** JavaScript's {@code slice}: a negative index counts from the end; out of range is clamped. */
  private static String slice(String s, int from, int to) {
    int a = Math.max(0, from < 0 ? s.length() + from : Math.min(from, s.length()));
    int b = Math.max(0, to < 0 ? s.length() + to : Math.min(to, s.length()));
    return a >= b ? "" : s.substring(a, b);
  }

  /** {@code Math.abs(value).toFixed(dp)} in the picture's digits. */
  private static String digits(Format f, double value, int dp) {
    String fixed = new BigDecimal(Math.abs(value)).setScale(dp, RoundingMode.HALF_UP).toPlainString();
    char zero = f.get("zero-digit").charAt(0);
    if (zero == '0') return fixed;
    StringBuilder out = new StringBuilder();
    for (char c : fixed.toCharArray()) out.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : c);
    return out.toString();
  }

  /** jsonata-js's {@code $round}: the decimal point moved in the number's text, then half to even. */
  static double round(double arg, int precision) {
    if (precision != 0) arg = shift(arg, precision);
    double result = Math.floor(arg);
    if (arg - result >= 0.5) result += 1; // Math.round: half up
    if (Math.abs(result - arg) == 0.5 && Math.abs(result % 2) == 1) result -= 1;
    if (precision != 0) result = shift(result, -precision);
    return result == 0 ? 0 : result;
  }

  private static double shift(double value, int places) {
    String[] text = ReferenceText.number(value).split("e");
    int exponent = text.length > 1 ? Integer.parseInt(text[1].replace("+", "")) : 0;
    return Double.parseDouble(text[0] + "e" + (exponent + places));
  }

  private static Parts split(Format f, String subpicture) {
    String exponentSeparator = f.get("exponent-separator");
    String prefix = null;
    for (int i = 0; i < subpicture.length() && prefix == null; i++) {
      char c = subpicture.charAt(i);
      if (f.isActive(c) && !exponentSeparator.equals(String.valueOf(c))) prefix = subpicture.substring(0, i);
    }
    String suffix = null;
    for (int i = subpicture.length() - 1; i >= 0 && suffix == null; i--) {
      char c = subpicture.charAt(i);
      if (f.isActive(c) && !exponentSeparator.equals(String.valueOf(c))) suffix = subpicture.substring(i + 1);
    }
    // no active character: jsonata-js 2.x takes an empty prefix and suffix, so the whole picture is the
    // active part and validate() names it D3086 (AWS for $formatNumber(1, "x"): floci-io/floci#2737)
    if (prefix == null) prefix = "";
    if (suffix == null) suffix = "";
    String activePart = subpicture.substring(prefix.length(), subpicture.length() - suffix.length());
    int exponentAt = subpicture.indexOf(exponentSeparator, prefix.length());
    String mantissa;
    String exponent;
    if (exponentAt == -1 || exponentAt > subpicture.length() - suffix.length()) {
      mantissa = activePart;
      exponent = null;
    } else {
      mantissa = slice(activePart, 0, exponentAt);
      exponent = activePart.substring(Math.min(exponentAt + 1, activePart.length()));
    }
    int decimalAt = mantissa.indexOf(f.get("decimal-separator"));
    String integer = decimalAt == -1 ? mantissa : mantissa.substring(0, decimalAt);
    String fractional = decimalAt == -1 ? suffix : mantissa.substring(decimalAt + 1);
    return new Parts(prefix, suffix, activePart, mantissa, exponent, integer, fractional, subpicture);
  }

  private static void validate(Format f, Parts parts) {
    String error = null;
    String sub = parts.subpicture();
    String decimal = f.get("decimal-separator");
    String grouping = f.get("grouping-separator");
    String percent = f.get("percent");
    String perMille = f.get("per-mille");
    int decimalAt = sub.indexOf(decimal);
    if (decimalAt != sub.lastIndexOf(decimal)) error = "D3081";
    if (sub.indexOf(percent) != sub.lastIndexOf(percent)) error = "D3082";
    if (sub.indexOf(perMille) != sub.lastIndexOf(perMille)) error = "D3083";
    if (sub.contains(percent) && sub.contains(perMille)) error = "D3084";
    if (f.count(parts.mantissaPart(), true) == 0) error = "D3085";
    if (parts.activePart().chars().anyMatch(c -> !f.isActive((char) c))) error = "D3086";
    if (decimalAt != -1) {
      if (charAt(sub, decimalAt - 1).equals(grouping) || charAt(sub, decimalAt + 1).equals(grouping)) error = "D3087";
    } else if (charAt(parts.integerPart(), parts.integerPart().length() - 1).equals(grouping)) {
      error = "D3088";
    }
    if (sub.contains(grouping + grouping)) error = "D3089";
    int optionalAt = parts.integerPart().indexOf(f.get("digit"));
    if (optionalAt != -1 && f.count(parts.integerPart().substring(0, optionalAt), false) > 0) error = "D3090";
    optionalAt = parts.fractionalPart().lastIndexOf(f.get("digit"));
    if (optionalAt != -1 && f.count(parts.fractionalPart().substring(optionalAt), false) > 0) error = "D3091";
    String exponent = parts.exponentPart();
    if (exponent != null && !exponent.isEmpty() && (sub.contains(percent) || sub.contains(perMille))) error = "D3092";
    if (exponent != null && (exponent.isEmpty() || f.count(exponent, false) < exponent.length())) error = "D3093";
    if (error != null) throw error(error);
  }

  private static String charAt(String s, int index) {
    return index >= 0 && index < s.length() ? String.valueOf(s.charAt(index)) : "";
  }

  private static Picture analyse(Format f, Parts parts) {
    List<Integer> integerGrouping = grouping(f, parts.integerPart(), parts.integerPart(), false);
    int minimumInteger = (int) f.count(parts.integerPart(), false);
    int scaling = minimumInteger;
    int minimumFractional = (int) f.count(parts.fractionalPart(), false);
    int maximumFractional = (int) f.count(parts.fractionalPart(), true);
    boolean exponentPresent = parts.exponentPart() != null;
    if (minimumInteger == 0 && maximumFractional == 0) {
      if (exponentPresent) {
        minimumFractional = 1;
        maximumFractional = 1;
      } else {
        minimumInteger = 1;
      }
    }
    if (exponentPresent && minimumInteger == 0 && parts.integerPart().contains(f.get("digit"))) minimumInteger = 1;
    if (minimumInteger == 0 && minimumFractional == 0) minimumFractional = 1;
    int minimumExponent = exponentPresent ? (int) f.count(parts.exponentPart(), false) : 0;
    return new Picture(integerGrouping, regular(integerGrouping), minimumInteger, scaling, parts.prefix(),
        grouping(f, parts.fractionalPart(), parts.integerPart(), true), minimumFractional, maximumFractional,
        minimumExponent, parts.suffix(), parts.subpicture());
  }

  /** Where the grouping separators stand, counted in digits; jsonata-js searches on in the integer part. */
  private static List<Integer> grouping(Format f, String part, String integerPart, boolean toLeft) {
    List<Integer> positions = new ArrayList<>();
    String separator = f.get("grouping-separator");
    int at = part.indexOf(separator);
    while (at != -1) {
      positions.add((int) f.count(toLeft ? part.substring(0, at) : part.substring(at), true));
      at = integerPart.indexOf(separator, at + 1);
    }
    return positions;
  }

  private static int regular(List<Integer> positions) {
    if (positions.isEmpty()) return 0;
    int factor = positions.stream().reduce(ReferenceFormatNumber::gcd).orElse(0);
    for (int index = 1; index <= positions.size(); index++) {
      if (!positions.contains(index * factor)) return 0;
    }
    return factor;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static JsonataFunctionError error(String code) {
    return new JsonataFunctionError(code, MESSAGES.get(code));
  }
}
