package io.stepwise.eval.intrinsics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code States.Format} template: literal text around {@code {}} placeholders. A backslash
 * escapes {@code ' { } \}; a brace that is neither escaped nor part of {@code {}} is an error.
 *
 * @param pieces the literal text before, between and after the placeholders
 */
record FormatTemplate(List<String> pieces) {
  FormatTemplate {
    pieces = List.copyOf(pieces);
  }

  private static final Map<String, FormatTemplate> CACHE = new ConcurrentHashMap<>();

  /** {@link #parse}, cached: a literal template is the same at every transition. */
  static FormatTemplate parseCached(String source) {
    FormatTemplate cached = CACHE.get(source);
    if (cached != null) return cached;
    FormatTemplate template = parse(source);
    if (CACHE.size() < 10_000) CACHE.put(source, template);
    return template;
  }

  /**
   * Parses a template as written (escapes intact).
   *
   * @throws IllegalArgumentException for an unmatched brace
   */
  static FormatTemplate parse(String source) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
      if (c == '\\' && next != 0 && "'{}\\".indexOf(next) >= 0) {
        piece.append(next);
        i++;
      } else if (c == '{' && next == '}') {
        pieces.add(piece.toString());
        piece.setLength(0);
        i++;
      } else if (c == '{') {
        throw new IllegalArgumentException("matching '}' not found for '{'");
      } else if (c == '}') {
        throw new IllegalArgumentException("matching '{' not found for '}'");
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    return new FormatTemplate(pieces);
  }

  int placeholders() {
    return pieces.size() - 1;
  }

  /** The template with the placeholders replaced, in order, by {@code values}. */
  String fill(String... values) {
    if (values.length != placeholders()) {
      throw new IllegalArgumentException(placeholders() + " placeholders, " + values.length + " values");
    }
    // Sized at once: the builder would otherwise grow for a text past 16 characters.
    int length = 0;
    for (String piece : pieces) length += piece.length();
    for (String value : values) length += value.length();
    StringBuilder out = new StringBuilder(length).append(pieces.get(0));
    for (int i = 0; i < values.length; i++) out.append(values[i]).append(pieces.get(i + 1));
    return out.toString();
  }
}
