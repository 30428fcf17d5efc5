package io.stepwise.integrations.http;

import static io.stepwise.integrations.http.HttpParameters.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code arn:aws:states:::http:invoke} (the HTTP Task): the request Step Functions sends, from the
 * Task's parameters merged with its EventBridge connection's.
 */
public final class HttpsRequests {
  private static final String NAME = "http:invoke";
  private static final Set<String> NO_BODY = Set.of("GET", "HEAD");
  private static final Set<String> FORBIDDEN = Set.of("a-im", "accept-charset", "accept-datetime", "accept-encoding",
      "authorization", "cache-control", "connection", "content-encoding", "content-md5", "date", "expect", "forwarded",
      "from", "host", "http2-settings", "if-match", "if-modified-since", "if-none-match", "if-range",
      "if-unmodified-since", "max-forwards", "origin", "pragma", "proxy-authorization", "referer", "server", "te",
      "trailer", "transfer-encoding", "upgrade", "via", "warning");
  private static final List<String> FORBIDDEN_PREFIXES = List.of("x-forwarded-", "x-amz-", "x-amzn-");
  /** Step Functions reads at most this much of an answer, and says so. */
  public static final String RANGE = "bytes=0-262144";

  private HttpsRequests() {}

  /** The connection's ARN, from {@code InvocationConfig} or (older) {@code Authentication}. */
  public static Optional<String> connectionArn(JsonNode parameters) {
    for (String field : new String[] {"InvocationConfig", "Authentication"}) {
      JsonNode arn = parameters.path(field).get("ConnectionArn");
      if (arn != null && arn.isTextual()) return Optional.of(arn.textValue());
    }
    return Optional.empty();
  }

  public static HttpRequest of(JsonNode parameters, ConnectionParameters connection, String region) throws HttpTaskFailure {
    if (!parameters.isObject()) throw runtime("The parameters of " + NAME + " must be a JSON object");
    String endpoint = HttpParameters.requiredText(parameters, "ApiEndpoint", NAME);
    String method = HttpParameters.method(parameters, NAME);
    if (connectionArn(parameters).isEmpty()) {
      throw runtime("The field 'ConnectionArn' is required but was missing (" + NAME + ": Authentication or InvocationConfig)");
    }
    URI uri = HttpParameters.uri(endpoint, "ApiEndpoint");
    boolean local = "http".equalsIgnoreCase(uri.getScheme()) && HttpParameters.isLoopback(uri.getHost());
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !local) {
      throw runtime("The ApiEndpoint must be an https:// URL, not '" + endpoint + "'");
    }
    Map<String, List<String>> headers = HttpParameters.multiMap(parameters, "Headers");
    HttpParameters.refuseHeaders(headers, FORBIDDEN, FORBIDDEN_PREFIXES);
    connection.headers().forEach((k, v) -> put(headers, k, v));
    headers.put("User-Agent", List.of("Amazon|StepFunctions|HttpInvoke|" + region));
    headers.put("Range", List.of(RANGE));
    return new HttpRequest(method, url(endpoint, parameters, connection), headers, body(parameters, method, connection, headers));
  }

  private static String url(String endpoint, JsonNode parameters, ConnectionParameters connection) throws HttpTaskFailure {
    JsonNode q = parameters.get("QueryParameters");
    List<String> parts = new ArrayList<>();
    if (q != null && q.isTextual()) {
      if (!q.textValue().isEmpty()) parts.add(q.textValue());
    } else {
      Map<String, List<String>> query = HttpParameters.multiMap(parameters, "QueryParameters");
      connection.query().forEach((k, v) -> query.put(k, List.of(v)));
      if (!query.isEmpty()) parts.add(HttpParameters.query(query));
    }
    if (parts.isEmpty()) return endpoint;
    return endpoint + (endpoint.contains("?") ? "&" : "?") + String.join("&", parts);
  }

  /** The merged body, as JSON text or (Transform URL_ENCODED) form data. */
  private static byte[] body(JsonNode parameters, String method, ConnectionParameters connection,
      Map<String, List<String>> headers) throws HttpTaskFailure {
    if (NO_BODY.contains(method)) return null;
    JsonNode body = parameters.get("RequestBody");
    if (body != null && body.isTextual()) {
      if (!connection.body().isEmpty()) {
        throw runtime("The RequestBody is a string and the connection has body parameters: they cannot be merged");
      }
      return body.textValue().getBytes(StandardCharsets.UTF_8);
    }
    if ((body == null || body.isNull()) && connection.body().isEmpty()) return null;
    if (body != null && !body.isNull() && !body.isObject() && !connection.body().isEmpty()) {
      throw runtime("The RequestBody must be a JSON object to be merged with the connection's body parameters");
    }
    JsonNode merged = body == null || body.isNull() ? Json.object() : body;
    if (!connection.body().isEmpty()) {
      ObjectNode out = ((ObjectNode) merged).deepCopy();
      connection.body().forEach(out::put);
      merged = out;
    }
    JsonNode transform = parameters.path("Transform");
    String encoding = transform.path("RequestBodyEncoding").asText("NONE");
    if (encoding.equals("URL_ENCODED")) {
      if (!merged.isObject()) throw runtime("A URL_ENCODED RequestBody must be a JSON object");
      UrlEncoding.ArrayFormat format = UrlEncoding.arrayFormat(
          transform.path("RequestEncodingOptions").path("ArrayFormat").textValue());
      return UrlEncoding.form(merged, format).getBytes(StandardCharsets.UTF_8);
    }
    if (!encoding.equals("NONE")) throw runtime("The RequestBodyEncoding must be NONE or URL_ENCODED, not '" + encoding + "'");
    if (headers.keySet().stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).equals("content-type"))) {
      headers.put("Content-Type", List.of("application/json; charset=UTF-8"));
    }
    return Json.write(merged).getBytes(StandardCharsets.UTF_8);
  }

  /** Sets a header, replacing one of the same name in another case (the connection's value wins). */
  private static void put(Map<String, List<String>> headers, String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, List.of(value));
  }
}
