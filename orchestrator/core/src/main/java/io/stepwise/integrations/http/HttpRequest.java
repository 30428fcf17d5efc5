package io.stepwise.integrations.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP call a Task makes, before it is signed or sent.
 *
 * @param url the full URL, query included, already encoded
 * @param headers names as given, each with its values
 * @param body the bytes to send, or null for none
 */
public record HttpRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
  public HttpRequest {
    headers = new LinkedHashMap<>(headers);
  }

  public String bodyText() {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header, whatever its case, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
    }
    return null;
  }
}
