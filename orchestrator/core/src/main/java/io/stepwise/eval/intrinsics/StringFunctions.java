package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.json.Json;
import java.util.List;

/** Intrinsic for string operations. */
final class StringFunctions {
  private StringFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(IntrinsicFunction.of("States.StringSplit", StringFunctions::split, STRING, STRING));
  }

  /**
   * Splits at every character of the delimiter string (each one is a delimiter on its own) and
   * drops empty pieces: {@code ", , ,"} split on {@code ","} is {@code [" ", " "]}.
   */
  private static JsonNode split(Args args) {
    String text = args.string(0);
    String delimiters = args.string(1);
    if (delimiters.length() == 1 && !Character.isSurrogate(delimiters.charAt(0))) return splitAt(text, delimiters.charAt(0));
    // Sized for its pieces at once: the default would grow to ten.
    ArrayNode parts = Json.NODES.arrayNode(pieces(text, delimiters));
    int start = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      if (delimiters.indexOf(c) >= 0) {
        if (i > start) parts.add(text.substring(start, i));
        start = i + width;
      }
      i += width;
    }
    if (text.length() > start) parts.add(text.substring(start));
    return parts;
  }

  /**
   * {@link #split} at one delimiter that is a whole character (not half of a surrogate pair, so
   * it never matches inside one): found by {@link String#indexOf}, which scans without decoding code points.
   */
  private static JsonNode splitAt(String text, char delimiter) {
    int count = 1;
    for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) count++;
    ArrayNode parts = Json.NODES.arrayNode(count);
    int start = 0;
    for (int i = text.indexOf(delimiter); i >= 0; start = i + 1, i = text.indexOf(delimiter, start)) {
      if (i > start) parts.add(text.substring(start, i));
    }
    if (text.length() > start) parts.add(text.substring(start));
    return parts;
  }

  /** At most how many pieces {@link #split} makes: one more than the delimiters in the text. */
  private static int pieces(String text, String delimiters) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) if (delimiters.indexOf(text.charAt(i)) >= 0) count++;
    return count;
  }
}
