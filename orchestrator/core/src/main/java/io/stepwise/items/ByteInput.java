package io.stepwise.items;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A buffered byte stream that knows its absolute position in the object, for resumable cursors. */
final class ByteInput implements AutoCloseable {
  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int length;
  private int next;
  private long position;

  /** @param position where {@code in} starts in the object */
  ByteInput(InputStream in, long position) {
    this.in = in;
    this.position = position;
  }

  /** The next byte without consuming it, or -1 at the end. */
  int peek() {
    if (next == length && !fill()) return -1;
    return buffer[next] & 0xff;
  }

  /** The next byte, or -1 at the end. */
  int read() {
    int b = peek();
    if (b >= 0) {
      next++;
      position++;
    }
    return b;
  }

  /** Absolute offset of the next byte. */
  long position() {
    return position;
  }

  private boolean fill() {
    try {
      int n = in.read(buffer);
      if (n <= 0) return false;
      length = n;
      next = 0;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // reading is over either way
    }
  }
}
