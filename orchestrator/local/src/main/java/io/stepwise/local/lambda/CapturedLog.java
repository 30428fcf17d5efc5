package io.stepwise.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * One invocation's log: what the handler writes through its LambdaLogger plus the runtime's
 * START/END/REPORT lines, kept for {@code X-Amz-Log-Result} and passed on to the host's sink.
 * System.out is not captured: handlers share this JVM, so it cannot be told apart per invocation.
 */
final class CapturedLog implements LambdaLogger {
  /** Lambda returns the last 4 KB of the log for {@code LogType: Tail}. */
  static final int TAIL_BYTES = 4 * 1024;

  private final StringBuilder text = new StringBuilder();
  private final Consumer<String> sink;

  CapturedLog(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public void log(String message) {
    String s = String.valueOf(message);
    synchronized (text) {
      text.append(s);
    }
    sink.accept(s);
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8));
  }

  /** A line of the runtime's own (START, END, REPORT, timeouts, errors). */
  void line(String s) {
    log(s + "\n");
  }

  String text() {
    synchronized (text) {
      return text.toString();
    }
  }

  /** The base64 of the log's last 4 KB, as in {@code X-Amz-Log-Result}. */
  String tailBase64() {
    byte[] all = text().getBytes(StandardCharsets.UTF_8);
    byte[] tail = all.length <= TAIL_BYTES ? all : Arrays.copyOfRange(all, all.length - TAIL_BYTES, all.length);
    return Base64.getEncoder().encodeToString(tail);
  }
}
