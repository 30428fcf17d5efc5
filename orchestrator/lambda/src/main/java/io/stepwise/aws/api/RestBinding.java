package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsOperation.Location;
import io.stepwise.integrations.aws.Shapes;
import io.stepwise.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST protocols' HTTP binding: members that travel in the path ({@code {Label}}, greedy
 * {@code {Key+}}), the query string and headers; the rest (or the payload member) is the body.
 */
final class RestBinding {
  final String encodedPath;
  final Map<String, String> query = new LinkedHashMap<>();
  final Map<String, String> headers = new LinkedHashMap<>();
  /** The members that travel in the body, PascalCase. */
  final ObjectNode body = Json.object();
  /** The payload member's value, or null. */
  JsonNode payload;

  RestBinding(AwsOperation operation, JsonNode parameters) {
    String uri = operation.requestUri();
    String path = uri;
    int q = uri.indexOf('?');
    if (q >= 0) {
      path = uri.substring(0, q);
      for (String pair : uri.substring(q + 1).split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    Map<String, Location> located = operation.input();
    JsonNode p = parameters == null ? Json.object() : parameters;
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String member = memberFor(located, e.getKey());
      Location at = member == null ? null : located.get(member);
      JsonNode v = e.getValue();
      if (at == null) {
        body.set(e.getKey(), v);
        continue;
      }
      switch (at.where()) {
        case "uri" -> path = path.replace("{" + at.name() + "+}", encode(text(v), true))
            .replace("{" + at.name() + "}", encode(text(v), false));
        // Query names and values stay raw: the HTTP request encodes them (once).
        case "querystring" -> {
          if (v.isArray()) v.forEach(x -> query.put(at.name(), text(x)));
          else if (v.isObject()) v.fields().forEachRemaining(x -> query.put(x.getKey(), text(x.getValue())));
          else query.put(at.name(), text(v));
        }
        case "header" -> headers.put(at.name(), text(v));
        case "headers" -> v.fields().forEachRemaining(x -> headers.put(at.name() + x.getKey(), text(x.getValue())));
        case "payload" -> payload = v;
        default -> body.set(e.getKey(), v);
      }
    }
    encodedPath = path.replaceAll("\\{[^}]+}", "");
  }

  /** The response's members from its status and headers; the protocol adds the body's. */
  static ObjectNode fromHeaders(AwsOperation operation, AwsApiCaller.RawResponse response) {
    ObjectNode out = Json.object();
    for (Map.Entry<String, Location> e : operation.output().entrySet()) {
      Location at = e.getValue();
      String name = Shapes.pascal(e.getKey());
      switch (at.where()) {
        case "header" -> {
          String value = response.header(at.name());
          if (value != null) out.put(name, value);
        }
        case "headers" -> {
          ObjectNode map = Json.object();
          response.headers().forEach((h, values) -> {
            if (h.toLowerCase().startsWith(at.name().toLowerCase()) && !values.isEmpty()) {
              map.put(h.substring(at.name().length()), values.get(0));
            }
          });
          if (!map.isEmpty()) out.set(name, map);
        }
        case "statusCode" -> out.put(name, response.status());
        default -> { }
      }
    }
    return out;
  }

  private static String memberFor(Map<String, Location> located, String key) {
    if (located.containsKey(key)) return key;
    for (String member : located.keySet()) {
      if (Shapes.pascal(member).equals(key)) return member;
    }
    return null;
  }

  static String text(JsonNode v) {
    return v.isTextual() ? v.textValue() : v.isValueNode() ? v.asText() : Json.write(v);
  }

  /** RFC 3986 percent-encoding; a greedy label keeps its slashes. */
  static String encode(String s, boolean keepSlashes) {
    String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    return keepSlashes ? encoded.replace("%2F", "/") : encoded;
  }

  static List<String> nonEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
