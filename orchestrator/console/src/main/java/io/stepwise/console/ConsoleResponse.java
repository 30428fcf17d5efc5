package io.stepwise.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A page, an asset, a laid-out graph or an error, for whichever HTTP server carries the console. */
public record ConsoleResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
  /**
   * Every console response: no script, style or fetch from anywhere but this origin, no framing,
   * no content sniffing, no caching of API-derived data.
   */
  public static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-store");

  static ConsoleResponse json(int status, String json) {
    return new ConsoleResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), SECURITY_HEADERS);
  }

  static ConsoleResponse text(int status, String text) {
    return new ConsoleResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), SECURITY_HEADERS);
  }
}
