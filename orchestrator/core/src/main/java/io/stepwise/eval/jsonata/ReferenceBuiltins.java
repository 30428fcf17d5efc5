package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-ins whose library version lets a Java exception out for a bad argument, as the
 * reference implementation (jsonata-js, and so AWS) has them: the library's function where it
 * works, JSONata's own error where it does not.
 * <ul>
 *   <li>{@code $number}: decimal, {@code 0x}/{@code 0o}/{@code 0b} strings and booleans become
 *       numbers; anything else is {@code D3030: Unable to cast value to a number: "abc"}.
 *   <li>{@code $formatInteger}: an unsupported picture is D3130, not an uncoded failure.
 *   <li>{@code $fromMillis}: an unknown picture component is D3132, not an uncoded failure.
 *   <li>{@code $type}: a regex is a {@code "function"}, as jsonata-js's regexes are.
 *   <li>{@code $toMillis} without a picture: only what jsonata-js's ISO 8601 pattern accepts
 *       ({@code 2017-11-07T15:12}, without seconds, is {@code D3110}); a day past its month's end
 *       rolls over, as in JavaScript's Date.
 *   <li>{@code $decodeUrl}, {@code $decodeUrlComponent}: {@code D3140} for a malformed escape.
 *   <li>{@code $base64decode}: whitespace is skipped, as Node's decoder does, but a character
 *       outside the alphabet fails the state with an internal error, as on AWS
 *       ({@code $base64decode("!!!")}, floci-io/floci#2736), where Node would skip it.
 *   <li>{@code $base64encode}, {@code $base64decode}: bytes are Latin-1 characters, as jsonata-js
 *       has Node's Buffer read and write them ({@code 'binary'}), not UTF-8: {@code $base64encode('é')}
 *       is {@code 6Q==}.
 *   <li>{@code $string}: numbers as JavaScript prints them ({@link ReferenceText}).
 *   <li>{@code $substring}: counts code points, as jsonata-js does, so an emoji is one character.
 *   <li>{@code $encodeUrl}: JavaScript's {@code encodeURI}, which escapes a space.
 * </ul>
 */
final class ReferenceBuiltins {
  /** The primary formats of an integer picture that are no decimal digits: roman numerals, words, letters. */
  /** What parseInt needs to read a number at all. */
  /** The base64 alphabet, its padding and whitespace. */
  private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]*");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");
  private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
  private static final Pattern BINARY = Pattern.compile("0[bB][01]+");
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.ofEntries(
      Map.entry("number", new JFunction((input, args) -> number(args), "<(nsb)-:n>")),
      Map.entry("toMillis", new JFunction((input, args) -> toMillis(args), "<s-s?:n>")),
      Map.entry("decodeUrl", new JFunction((input, args) -> decoded(args, "decodeUrl", Functions::decodeUrl), "<s-:s>")),
      Map.entry("decodeUrlComponent", new JFunction(
          (input, args) -> decoded(args, "decodeUrlComponent", Functions::decodeUrlComponent), "<s-:s>")),
      Map.entry("base64decode", new JFunction((input, args) -> base64decode(args), "<s-:s>")),
      Map.entry("base64encode", new JFunction((input, args) -> base64encode(args), "<s-:s>")),
      Map.entry("string", new JFunction((input, args) -> ReferenceText.string(arg(args, 0), Boolean.TRUE.equals(arg(args, 1))), "<x-b?:s>")),
      Map.entry("substring", new JFunction((input, args) -> substring(args), "<s-nn?:s>")),
      Map.entry("encodeUrl", new JFunction((input, args) -> encodeUri((String) arg(args, 0)), "<s-:s>")),
      Map.entry("formatInteger", new JFunction((input, args) -> formatInteger(args), "<n-s:s>")),
      Map.entry("fromMillis", new JFunction((input, args) -> fromMillis(args), "<n-s?s?:s>")),
      Map.entry("type", new JFunction((input, args) -> arg(args, 0) instanceof Pattern ? "function"
          : Functions.type(arg(args, 0)), "<x:s>"))));
  private static final String UNKNOWN_COMPONENT = "Unknown component specifier ";
  /** A literal put after a picture so that the library keeps the one before it. */
  private static final String PICTURE_END = "\uE000";
  private static final String NAME_MODIFIER =
      "The 'name' modifier can only be applied to months and days in the date/time picture string, not ";
  /** jsonata-js's codes for the picture failures the library words as it does but throws uncoded. */
  private static final Map<String, String> PICTURE_ERRORS = Map.of(
      "The timezone integer format specifier cannot have more than four digits", "D3134",
      "No matching closing bracket ']' in date/time picture string", "D3135");
  private static final String UNSUPPORTED_SEQUENCE = "Formatting or parsing an integer as a sequence starting with ";
  /** jsonata-js's test of a timestamp before it parses it without a picture. */
  private static final Pattern ISO_8601 = Pattern.compile(
      "\\d{4}(-[01]\\d)*(-[0-3]\\d)*(T[0-2]\\d:[0-5]\\d:[0-5]\\d)*(\\.\\d+)?([+-][0-2]\\d:?[0-5]\\d|Z)?");
  /** A year and month without a day, which JavaScript's Date reads as the month's first day. */
  private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4}-\\d{2})(?=T|$)");
  /** A date whose day may pass its month's end (the 30th of February), which JavaScript's Date rolls over. */
  private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?=T|$)");
  /** 24:00:00, which JavaScript's Date reads as the next day's midnight. */
  private static final Pattern END_OF_DAY = Pattern.compile("T24:00:00(\\.0+)?(?=[-+Z]|$)");
  /** What {@code encodeURI} leaves as it is, besides letters and digits. */
  private static final String URI_UNESCAPED = ";,/?:@&=+$-_.!~*'()#";

  private ReferenceBuiltins() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  private static Object toMillis(List<?> args) {
    String timestamp = (String) arg(args, 0);
    String picture = (String) arg(args, 1);
    if (timestamp == null) return null;
    if (picture == null && !ISO_8601.matcher(timestamp).matches()) throw notIso8601(timestamp);
    String read = timestamp;
    long nextDay = 0;
    if (picture == null) { // what JavaScript's Date reads and the library refuses
      read = rolledOver(YEAR_MONTH.matcher(read).replaceFirst("$1-01"));
      Matcher midnight = END_OF_DAY.matcher(read);
      if (midnight.find()) {
        read = midnight.replaceFirst("T00:00:00");
        nextDay = 86_400_000L;
      }
    }
    try {
      Object millis = Functions.dateTimeToMillis(read, picture);
      return millis instanceof Number n && nextDay != 0 ? n.longValue() + nextDay : millis;
    } catch (ParseException | DateTimeException e) {
      if (picture != null) throw new JsonataFunctionError("D3110", e.getMessage());
      throw notIso8601(timestamp);
    }
  }

  /**
   * The date with a day past its month's end (up to the 31st) rolled into the next month, as V8's
   * Date reads it ({@code 2024-02-30} is March 1st); any other text as it is.
   */
  private static String rolledOver(String timestamp) {
    Matcher date = DATE.matcher(timestamp);
    if (!date.find()) return timestamp;
    int month = Integer.parseInt(date.group(2));
    int day = Integer.parseInt(date.group(3));
    if (month < 1 || month > 12 || day > 31) return timestamp;
    YearMonth yearMonth = YearMonth.of(Integer.parseInt(date.group(1)), month);
    if (day <= yearMonth.lengthOfMonth()) return timestamp;
    return yearMonth.atDay(1).plusDays(day - 1L) + timestamp.substring(date.end());
  }

  private static Object formatInteger(List<?> args) {
    if (!(arg(args, 0) instanceof Number number)) return null;
    try {
      return Functions.formatInteger(number, (String) arg(args, 1));
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.startsWith(UNSUPPORTED_SEQUENCE)) throw e;
      String sequence = message.substring(UNSUPPORTED_SEQUENCE.length()).replaceFirst(" is not supported by this implementation$", "");
      throw new JsonataFunctionError("D3130", UNSUPPORTED_SEQUENCE + TextNode.valueOf(sequence) + " is not supported by this implementation");
    }
  }

  private static Object fromMillis(List<?> args) {
    if (!(arg(args, 0) instanceof Number millis)) return null;
    try {
      String picture = (String) arg(args, 1);
      // The library drops a picture's closing "]]" (a literal "]"); a literal after it keeps it.
      if (picture == null || !picture.endsWith("]]")) return Functions.dateTimeFromMillis(millis, picture, (String) arg(args, 2));
      String formatted = Functions.dateTimeFromMillis(millis, picture + PICTURE_END, (String) arg(args, 2));
      return formatted.substring(0, formatted.length() - PICTURE_END.length());
    } catch (JsonataFunctionError e) {
      throw e;
    } catch (RuntimeException e) {
      throw pictureError(e);
    }
  }

  /** The library's uncoded failure over a date/time picture, coded and worded as jsonata-js's, or as it is. */
  private static RuntimeException pictureError(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(UNKNOWN_COMPONENT)) {
      String component = message.substring(UNKNOWN_COMPONENT.length()).replaceFirst(" in date/time picture string$", "");
      return new JsonataFunctionError("D3132", UNKNOWN_COMPONENT + TextNode.valueOf(component) + " in date/time picture string");
    }
    if (message.startsWith(NAME_MODIFIER)) {
      return new JsonataFunctionError("D3133", NAME_MODIFIER + TextNode.valueOf(message.substring(NAME_MODIFIER.length())));
    }
    String code = PICTURE_ERRORS.get(message);
    return code == null ? e : new JsonataFunctionError(code, message);
  }

  private static JsonataFunctionError notIso8601(String timestamp) {
    return new JsonataFunctionError("D3110", "The argument of the toMillis function must be an ISO 8601 "
        + "formatted timestamp. Given " + TextNode.valueOf(timestamp));
  }

  /**
   * jsonata-js's substring: over code points, a negative start counting from the end. Its start
   * and length are rounded down first, as Step Functions does for every integer parameter ("will
   * automatically round down any non-integer numbers provided", the JSONata page).
   */
  private static Object substring(List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) return null;
    int[] points = text.codePoints().toArray();
    double start = Math.floor(((Number) arg(args, 1)).doubleValue());
    if (points.length + start < 0) start = 0;
    int from = sliceIndex(start, points.length);
    int to = points.length;
    if (arg(args, 2) instanceof Number given) {
      double length = Math.floor(given.doubleValue());
      if (length <= 0) return "";
      to = sliceIndex(start >= 0 ? start + length : points.length + start + length, points.length);
    }
    return from >= to ? "" : new String(points, from, to - from);
  }

  /** {@code Array.prototype.slice}'s reading of an index: truncated, from the end when negative, clamped. */
  private static int sliceIndex(double index, int length) {
    double truncated = index < 0 ? Math.ceil(index) : Math.floor(index);
    if (truncated < 0) truncated = Math.max(0, length + truncated);
    return (int) Math.min(truncated, length);
  }

  /** JavaScript's {@code encodeURI}: UTF-8 escapes for all but letters, digits and {@link #URI_UNESCAPED}. */
  private static Object encodeUri(String text) {
    if (text == null) return null;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || URI_UNESCAPED.indexOf(c) >= 0) {
        out.append(c);
        continue;
      }
      int point = text.codePointAt(i);
      if (Character.isSurrogate(c) && !Character.isSupplementaryCodePoint(point)) {
        throw new JsonataFunctionError("D3140", "Malformed URL passed to $encodeUrl(): " + TextNode.valueOf(text));
      }
      if (Character.isSupplementaryCodePoint(point)) i++;
      for (byte b : new String(Character.toChars(point)).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static Object decoded(List<?> args, String function, UnaryOperator<String> decode) {
    String text = (String) arg(args, 0);
    if (text == null) return null;
    try {
      return decode.apply(text);
    } catch (IllegalArgumentException e) {
      throw new JsonataFunctionError("D3140", "Malformed URL passed to $" + function + "(): " + TextNode.valueOf(text));
    }
  }

  /** The Latin-1 bytes of the text's UTF-16 units, as Node's {@code Buffer.from(text, 'binary')}. */
  private static Object base64encode(List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) return null;
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) text.charAt(i);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The decoded bytes as Latin-1 characters, as Node's {@code toString('binary')}. */
  private static Object base64decode(List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) return null;
    // no JSONata error, a failure of the decoder: AWS answers "threw an internal error during evaluation."
    if (!BASE64_TEXT.matcher(text).matches()) throw new IllegalStateException();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      bytes = Base64.getMimeDecoder().decode(text);
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }

  private static Object number(List<?> args) {
    Object value = arg(args, 0);
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
