package io.stepwise.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Text deflated for storage: JSON shrinks 3 to 5 times, and write units are billed per KB. */
public final class Deflate {
  private Deflate() {}

  public static byte[] deflateText(String text) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION); // small texts: level costs little time
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, text.length() / 3));
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
    deflater.end();
    return out.toByteArray();
  }

  public static String inflateText(byte[] data) {
    Inflater inflater = new Inflater();
    inflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
    byte[] buffer = new byte[4096];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new UncheckedIOException(new IOException("truncated deflated data"));
        }
        out.write(buffer, 0, n);
      }
    } catch (DataFormatException e) {
      throw new UncheckedIOException(new IOException("corrupt deflated data", e));
    } finally {
      inflater.end();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
