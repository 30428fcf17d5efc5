package io.stepwise.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What both HTTP integrations read from their parameters: methods, header and query maps, bodies. */
final class HttpParameters {
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private HttpParameters() {}

  static HttpTaskFailure runtime(String message) {
    return new HttpTaskFailure(ErrorNames.RUNTIME, message);
  }

  static String requiredText(JsonNode parameters, String field, String integration) throws HttpTaskFailure {
    JsonNode v = parameters.get(field);
    if (v == null || v.isNull()) throw runtime("The field '" + field + "' is required but was missing (" + integration + ")");
    if (!v.isTextual()) throw runtime("The field '" + field + "' must be a string (" + integration + ")");
    return v.textValue();
  }

  static String method(JsonNode parameters, String integration) throws HttpTaskFailure {
    String method = requiredText(parameters, "Method", integration);
    if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      throw runtime("The Method '" + method + "' is not one of GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS");
    }
    return method.toUpperCase(Locale.ROOT);
  }

  /** A map of names to a value or a list of values (Headers, QueryParameters). */
  static Map<String, List<String>> multiMap(JsonNode parameters, String field) throws HttpTaskFailure {
    JsonNode v = parameters.get(field);
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) return out;
    if (!v.isObject()) throw runtime("The field '" + field + "' must be a JSON object");
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) e.getValue().forEach(x -> values.add(text(x)));
      else if (!e.getValue().isNull()) values.add(text(e.getValue()));
      out.put(e.getKey(), values);
    }
    return out;
  }

  private static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : Json.write(v);
  }

  /** Refuses a header Step Functions does not let a definition set. */
  static void refuseHeaders(Map<String, List<String>> headers, Set<String> forbidden, List<String> forbiddenPrefixes)
      throws HttpTaskFailure {
    for (String name : headers.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean refused = forbidden.contains(lower) || forbiddenPrefixes.stream().anyMatch(lower::startsWith);
      if (refused) throw runtime("The header '" + name + "' is not allowed in an HTTP request from a Task");
    }
  }

  static String query(Map<String, List<String>> query) {
    List<String> pairs = new ArrayList<>();
    query.forEach((k, values) -> values.forEach(v -> pairs.add(UrlEncoding.encode(k) + "=" + UrlEncoding.encode(v))));
    return String.join("&", pairs);
  }

  /** Only over TLS, except to this machine (local servers, tests), which is plain HTTP. */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.indexOf(']') < 0 ? host.length() : host.indexOf(']')) : host;
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
  }

  static URI uri(String text, String field) throws HttpTaskFailure {
    try {
      URI uri = URI.create(text);
      if (uri.getHost() == null) throw runtime("The " + field + " '" + text + "' has no host");
      return uri;
    } catch (IllegalArgumentException e) {
      throw runtime("The " + field + " '" + text + "' is not a valid URL");
    }
  }

  /** The body without its null fields, at any depth (AllowNullValues false, the default). */
  static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = Json.object();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) out.set(e.getKey(), withoutNulls(e.getValue()));
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(e -> out.add(withoutNulls(e)));
      return out;
    }
    return node;
  }
}
