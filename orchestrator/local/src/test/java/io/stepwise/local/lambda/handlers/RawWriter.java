package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream handler: writes {@code {"raw": TEXT}}'s TEXT as it is (JSON or not), a string of
 * {@code {"repeat": N}} characters 'é' (2 UTF-8 bytes each), or else echoes the request bytes.
 */
public class RawWriter implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    String raw = field(request, "\"raw\":\"");
    String repeat = field(request, "\"repeat\":");
    if (raw != null) out.write(raw.getBytes(StandardCharsets.UTF_8));
    else if (repeat != null) out.write(("\"" + "é".repeat(Integer.parseInt(repeat)) + "\"").getBytes(StandardCharsets.UTF_8));
    else out.write(request.getBytes(StandardCharsets.UTF_8));
  }

  // No JSON library on purpose: a stream handler sees bytes, nothing more.
  private static String field(String json, String prefix) {
    int at = json.indexOf(prefix);
    if (at < 0) return null;
    int start = at + prefix.length();
    int end = prefix.endsWith("\"") ? json.indexOf('"', start) : indexOfAny(json, start);
    return json.substring(start, end);
  }

  private static int indexOfAny(String json, int start) {
    int end = start;
    while (end < json.length() && Character.isDigit(json.charAt(end))) end++;
    return end;
  }
}
