package io.stepwise.api.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as a SigV4 signature covers it: method, path and query as sent (still
 * percent-encoded), headers by lower-case name, and the body's bytes.
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
  public HttpRequest {
    Map<String, List<String>> byName = new TreeMap<>();
    headers.forEach((name, values) -> byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    headers = byName;
    rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    rawQuery = rawQuery == null ? "" : rawQuery;
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, any case; null when absent. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
