package io.stepwise.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing text kept one byte per character while every character is Latin-1, as most JSON
 * payloads are, and widened to chars the first time one is not. Copying a Latin-1 string's
 * span is then one array copy, and the finished String takes the bytes as they are.
 */
final class TextBuffer {
  private static final char[] NO_CHARS = {};
  private byte[] narrow;
  private char[] wide;
  private int length;
  // Where the printer copies a string's characters to scan them, reused from string to string.
  private char[] chars = NO_CHARS;

  TextBuffer(int capacity) {
    narrow = new byte[capacity];
  }

  /** Empty again, narrow, keeping its capacity. */
  TextBuffer reset() {
    if (wide != null) {
      narrow = new byte[wide.length / 2];
      wide = null;
    }
    length = 0;
    return this;
  }

  int length() {
    return length;
  }

  /** True while every character so far is Latin-1. */
  boolean isLatin1() {
    return wide == null;
  }

  void append(char c) {
    if (wide == null && c <= 0xFF) {
      if (length == narrow.length) narrow = Arrays.copyOf(narrow, length * 2);
      narrow[length++] = (byte) c;
      return;
    }
    widen(1);
    wide[length++] = c;
  }

  /** Appends {@code s[from, to)}; {@code latin1} says every character of it is Latin-1. */
  @SuppressWarnings("deprecation")
  void append(String s, int from, int to, boolean latin1) {
    int n = to - from;
    if (wide == null && latin1) {
      if (length + n > narrow.length) narrow = Arrays.copyOf(narrow, Math.max(narrow.length * 2, length + n));
      // The low byte of each char, which for Latin-1 text is the character: an array copy.
      s.getBytes(from, to, narrow, length);
    } else {
      widen(n);
      s.getChars(from, to, wide, length);
    }
    length += n;
  }

  /** A scratch array of at least {@code n} chars, its content undefined. */
  char[] chars(int n) {
    if (chars.length < n) chars = new char[Math.max(n, 64)];
    return chars;
  }

  /**
   * Appends {@code chars[from, to)} up to the first character JSON escapes (a control
   * character, a quote or a backslash); returns that character's index, or {@code to}.
   */
  int appendUnescaped(char[] chars, int from, int to) {
    int i = from;
    if (wide == null) {
      if (length + to - from > narrow.length) narrow = Arrays.copyOf(narrow, Math.max(narrow.length * 2, length + to - from));
      byte[] bytes = narrow;
      int at = length;
      for (; i < to; i++) {
        char c = chars[i];
        if (c < 0x20 || c == '"' || c == '\\' || c > 0xFF) break;
        bytes[at++] = (byte) c;
      }
      length = at;
      if (i == to || chars[i] <= 0xFF) return i;
    }
    widen(to - i);
    for (; i < to; i++) {
      char c = chars[i];
      if (c < 0x20 || c == '"' || c == '\\') break;
      wide[length++] = c;
    }
    return i;
  }

  /** Appends text of ASCII characters only (numbers, literals, escapes). */
  void appendAscii(String s) {
    append(s, 0, s.length(), true);
  }

  private void widen(int more) {
    if (wide == null) {
      wide = new char[Math.max(narrow.length, length + more) * 2];
      for (int i = 0; i < length; i++) wide[i] = (char) (narrow[i] & 0xFF);
      narrow = null;
    } else if (length + more > wide.length) {
      wide = Arrays.copyOf(wide, Math.max(wide.length * 2, length + more));
    }
  }

  @Override
  public String toString() {
    return wide == null ? new String(narrow, 0, length, StandardCharsets.ISO_8859_1) : new String(wide, 0, length);
  }
}
