package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.JException;
import java.util.Set;

/**
 * Refuses the operators jsonata-js 2.0.6 (the version Step Functions runs) does not have: the
 * library parses JSONata 2.1's {@code ?:} (Elvis) and {@code ??} (coalescing), which 2.0.6 reads as
 * a {@code ?} followed by a {@code :} or a {@code ?} where an expression must start, failing with
 * S0211 ({@code The symbol ":" cannot be used as a unary operator}). Strings, backtick names,
 * comments and regex literals (where {@code (?:} is common) are skipped.
 */
final class LegacyOperators {
  /** The words that are operators, after which a "/" opens a regex. */
  private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "in");

  private LegacyOperators() {}

  /** @throws JException S0211 at the second symbol of the first {@code ?:} or {@code ??} */
  static void check(String body) {
    boolean operand = false; // whether the last token ends an operand, so that "/" divides
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = closing(body, i, c);
        operand = true;
      } else if (c == '/' && i + 1 < body.length() && body.charAt(i + 1) == '*') {
        int end = body.indexOf("*/", i + 2);
        i = end < 0 ? body.length() : end + 1;
      } else if (c == '/' && !operand) {
        i = closing(body, i, '/');
        operand = true;
      } else if (c == '?' && i + 1 < body.length() && (body.charAt(i + 1) == ':' || body.charAt(i + 1) == '?')) {
        throw new JException("S0211", i + 2, String.valueOf(body.charAt(i + 1)));
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int end = i;
        while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end)) || body.charAt(end) == '_' || body.charAt(end) == '$')) end++;
        operand = !OPERATOR_WORDS.contains(body.substring(i, end)); // "and /re/" starts a regex
        i = end - 1;
      } else if (!Character.isWhitespace(c)) {
        operand = c == ')' || c == ']' || c == '}' || c == '.' && operand;
      }
    }
  }

  /** The index of the unescaped {@code quote} closing the literal opened at {@code start}. */
  private static int closing(String body, int start, char quote) {
    for (int i = start + 1; i < body.length(); i++) {
      if (body.charAt(i) == '\\' && quote != '`') i++;
      else if (body.charAt(i) == quote) return i;
    }
    return body.length();
  }
}
