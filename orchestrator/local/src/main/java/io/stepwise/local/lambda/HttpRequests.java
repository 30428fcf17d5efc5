package io.stepwise.local.lambda;

import io.stepwise.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading an Invoke request: the path's function name, the query's Qualifier, the payload. */
final class HttpRequests {
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private HttpRequests() {}

  /** %XX escapes decoded as UTF-8 ('+' stays '+': it is not a space in a path). */
  static String percentDecode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The first value of {@code name} in a raw query string, decoded; null when absent. */
  static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) return null;
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) return eq < 0 ? "" : percentDecode(pair.substring(eq + 1).replace('+', ' '));
    }
    return null;
  }

  /**
   * The payload, checked as Lambda checks it: at most {@code limit} bytes (413
   * RequestTooLargeException), valid JSON (400 InvalidRequestContentException). An empty body
   * is the empty object, which is what Lambda hands a function invoked without a payload.
   */
  static byte[] readPayload(InputStream body, int limit) throws IOException {
    byte[] payload = body.readNBytes(limit + 1);
    if (payload.length > limit) {
      throw new LambdaApiException(413, "RequestTooLargeException",
          "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
    }
    if (payload.length == 0) return EMPTY_OBJECT;
    try {
      Json.parse(new String(payload, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new LambdaApiException(400, "InvalidRequestContentException",
          "Could not parse request body into json: Could not parse payload into json: " + e.getMessage());
    }
    return payload;
  }
}
