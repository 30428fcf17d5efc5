package io.stepwise.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing text kept one byte per character while every character is Latin-1, as most JSON
 * payloads are, and widened to chars the first time one is not. Copying a Latin-1 string's
 * span is then one array copy, and the finished String takes the bytes as they are.
 */
final class TextBuffer {
  private byte[] narrow;
  private char[] wide;
  private int length;

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
