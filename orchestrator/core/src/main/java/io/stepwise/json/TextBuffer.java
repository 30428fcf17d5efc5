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
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** Per Latin-1 character: 0 when JSON keeps it as it is, else what follows its backslash ('u' for \\u00XX). */
  private static final byte[] ESCAPES = new byte[0x100];
  /** Strings this short are scanned where they are (see appendShort). */
  private static final int SHORT = 16;

  static {
    for (int c = 0; c < 0x20; c++) ESCAPES[c] = 'u';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
  }
  private byte[] narrow;
  private char[] wide;
  private int length;
  // Where a string's characters are copied to be scanned, reused from string to string.
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

  /**
   * Appends {@code s} quoted, with Jackson's default escapes (quote, backslash and control
   * characters), in one pass: a table says which characters escape, and the bytes are written
   * where they go, the buffer grown for an escape only when it is met.
   */
  void appendQuoted(String s) {
    int n = s.length();
    if (n <= SHORT && wide == null && appendShort(s, n)) return;
    char[] chars = this.chars.length >= n ? this.chars : (this.chars = new char[Math.max(n, 64)]);
    // Read from a char array, which the loop scans without String.charAt's checks per character.
    s.getChars(0, n, chars, 0);
    int i = 0;
    if (wide == null) {
      if (length + n + 2 > narrow.length) narrow = Arrays.copyOf(narrow, Math.max(narrow.length * 2, length + n + 2));
      byte[] bytes = narrow;
      int at = length;
      bytes[at++] = '"';
      for (; i < n; i++) {
        char c = chars[i];
        if (c > 0xFF) break;
        byte escape = ESCAPES[c];
        if (escape == 0) {
          bytes[at++] = (byte) c;
          continue;
        }
        // An escape is at most 6 bytes for 1 character: room for it and the rest of the string.
        if (at + 6 + n - i > bytes.length) bytes = narrow = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + 6 + n - i));
        bytes[at++] = '\\';
        if (escape != 'u') {
          bytes[at++] = escape;
        } else {
          bytes[at++] = 'u';
          bytes[at++] = '0';
          bytes[at++] = '0';
          bytes[at++] = HEX[c >> 4];
          bytes[at++] = HEX[c & 0xF];
        }
      }
      length = at;
      if (i == n) {
        append('"');
        return;
      }
    } else {
      append('"');
    }
    // Past Latin-1: the rest char by char into the wide buffer.
    for (; i < n; i++) {
      char c = chars[i];
      byte escape = c < 0x100 ? ESCAPES[c] : 0;
      if (escape == 0) {
        append(c);
      } else {
        append('\\');
        if (escape != 'u') {
          append((char) escape);
        } else {
          appendAscii("u00");
          append((char) HEX[c >> 4]);
          append((char) HEX[c & 0xF]);
        }
      }
    }
    append('"');
  }

  /**
   * A short string with nothing to escape (a key, mostly), read where it is: copying it into the
   * char array first costs more than its few characters. False, with nothing appended, otherwise.
   */
  private boolean appendShort(String s, int n) {
    if (length + n + 2 > narrow.length) narrow = Arrays.copyOf(narrow, Math.max(narrow.length * 2, length + n + 2));
    byte[] bytes = narrow;
    int at = length + 1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c > 0xFF || ESCAPES[c] != 0) return false;
      bytes[at++] = (byte) c;
    }
    bytes[length] = '"';
    bytes[at++] = '"';
    length = at;
    return true;
  }

  /** Appends {@code value} in decimal, as Long.toString prints it, without making that String. */
  void appendLong(long value) {
    if (value == Long.MIN_VALUE) {
      appendAscii(Long.toString(value));
      return;
    }
    int digits = 1;
    for (long v = Math.abs(value); v >= 10; v /= 10) digits++;
    int n = digits + (value < 0 ? 1 : 0);
    if (wide != null) {
      appendAscii(Long.toString(value));
      return;
    }
    if (length + n > narrow.length) narrow = Arrays.copyOf(narrow, Math.max(narrow.length * 2, length + n));
    if (value < 0) narrow[length] = '-';
    long v = Math.abs(value);
    for (int at = length + n - 1; at >= length + n - digits; at--, v /= 10) narrow[at] = (byte) ('0' + v % 10);
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
