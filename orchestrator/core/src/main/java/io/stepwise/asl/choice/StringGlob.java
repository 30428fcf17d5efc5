package io.stepwise.asl.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * StringMatches patterns: {@code *} matches any run of characters (possibly empty); {@code \*} is
 * a literal asterisk and {@code \\} a literal backslash. No other character is special; a
 * backslash before anything else stands for itself.
 */
final class StringGlob {
  private StringGlob() {}

  /** True when the whole of {@code text} matches {@code pattern}. */
  static boolean matches(String pattern, String text) {
    List<String> parts = literals(pattern);
    // parts alternate around the wildcards: lit0 * lit1 * ... * litN
    String first = parts.get(0);
    if (parts.size() == 1) return text.equals(first);
    String last = parts.get(parts.size() - 1);
    if (text.length() < first.length() + last.length()) return false;
    if (!text.startsWith(first) || !text.endsWith(last)) return false;
    int at = first.length();
    int end = text.length() - last.length();
    for (int i = 1; i < parts.size() - 1; i++) {
      String part = parts.get(i);
      int found = text.indexOf(part, at);
      if (found < 0 || found + part.length() > end) return false;
      at = found + part.length();
    }
    return true;
  }

  /** The literal runs between unescaped wildcards, escapes resolved; one more than the wildcards. */
  private static List<String> literals(String pattern) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : '\0';
      if (c == '\\' && (next == '*' || next == '\\')) {
        current.append(next);
        i++;
      } else if (c == '*') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
