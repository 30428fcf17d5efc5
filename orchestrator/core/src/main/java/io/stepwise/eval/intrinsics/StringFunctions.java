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

  /** At most how many pieces {@link #split} makes: one more than the delimiters in the text. */
  private static int pieces(String text, String delimiters) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) if (delimiters.indexOf(text.charAt(i)) >= 0) count++;
    return count;
  }
}
