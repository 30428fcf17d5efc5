package io.stepwise.integrations.http;

import static io.stepwise.integrations.http.HttpParameters.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code arn:aws:states:::apigateway:invoke}: the URL {@code https://ApiEndpoint/Stage/Path?QueryParameters}
 * and the request Step Functions sends, from the Task's parameters.
 */
public final class ApiGatewayRequests {
  /** How the call authenticates ({@code AuthType}). */
  public enum AuthType { NO_AUTH, IAM_ROLE, RESOURCE_POLICY }

  /**
   * @param signingRegion for IAM_ROLE: the region in the endpoint's host name, or the call's
   */
  public record Call(HttpRequest request, AuthType auth, String signingRegion) {}

  private static final String NAME = "apigateway:invoke";
  private static final Set<String> BODY_METHODS = Set.of("PATCH", "POST", "PUT");
  private static final Set<String> FORBIDDEN = Set.of("authorization", "connection", "content-md5", "expect", "host",
      "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade", "via",
      "www-authenticate");
  private static final List<String> FORBIDDEN_PREFIXES = List.of("x-forwarded", "x-amz");
  private static final Pattern REGION_IN_HOST = Pattern.compile("[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

  private ApiGatewayRequests() {}

  public static Call of(JsonNode parameters, String region) throws HttpTaskFailure {
    if (!parameters.isObject()) throw runtime("The parameters of " + NAME + " must be a JSON object");
    String endpoint = HttpParameters.requiredText(parameters, "ApiEndpoint", NAME);
    String method = HttpParameters.method(parameters, NAME);
    AuthType auth = authType(parameters.get("AuthType"));
    String host = endpoint.replaceFirst("^https://", "");
    if (host.isEmpty() || host.contains("/") || host.contains("?")) {
      throw runtime("The ApiEndpoint must be a host name (<API ID>.execute-api.<region>.amazonaws.com), not '" + endpoint + "'");
    }
    StringBuilder url = new StringBuilder(HttpParameters.isLoopback(host.replaceFirst(":\\d+$", "")) ? "http://" : "https://")
        .append(host);
    appendSegments(url, parameters.path("Stage").asText(""));
    appendSegments(url, parameters.path("Path").asText(""));
    Map<String, List<String>> query = HttpParameters.multiMap(parameters, "QueryParameters");
    if (!query.isEmpty()) url.append('?').append(HttpParameters.query(query));
    Map<String, List<String>> headers = HttpParameters.multiMap(parameters, "Headers");
    HttpParameters.refuseHeaders(headers, FORBIDDEN, FORBIDDEN_PREFIXES);
    byte[] body = body(parameters, method, headers);
    Matcher m = REGION_IN_HOST.matcher(host);
    return new Call(new HttpRequest(method, url.toString(), headers, body), auth, m.matches() ? m.group(1) : region);
  }

  /**
   * The parameter Step Functions refuses before it schedules the task, or null: each of Headers'
   * names maps to a list of values (AWS-recorded test_invoke_with_headers[singleStringHeader]:
   * a plain string fails the execution with no TaskScheduled).
   */
  public static String refusedField(JsonNode parameters) {
    JsonNode headers = parameters.get("Headers");
    if (headers == null || headers.isNull()) return null;
    if (!headers.isObject()) return "Headers";
    for (JsonNode values : headers) {
      if (!values.isArray()) return "Headers";
    }
    return null;
  }

  private static AuthType authType(JsonNode value) throws HttpTaskFailure {
    if (value == null || value.isNull()) return AuthType.NO_AUTH;
    try {
      return AuthType.valueOf(value.asText());
    } catch (IllegalArgumentException e) {
      throw runtime("The AuthType must be NO_AUTH, IAM_ROLE or RESOURCE_POLICY, not '" + value.asText() + "'");
    }
  }

  /** Stage and Path may hold several segments; each is encoded, the slashes kept. */
  private static void appendSegments(StringBuilder url, String path) {
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) url.append('/').append(UrlEncoding.encode(segment));
    }
  }

  /** RequestBody, for PATCH, POST and PUT only: JSON as its text (nulls dropped unless AllowNullValues), a string as is. */
  private static byte[] body(JsonNode parameters, String method, Map<String, List<String>> headers) {
    JsonNode body = parameters.get("RequestBody");
    if (body == null || !BODY_METHODS.contains(method)) return null;
    if (body.isTextual()) return body.textValue().getBytes(StandardCharsets.UTF_8);
    boolean keepNulls = parameters.path("AllowNullValues").asBoolean(false);
    if (body.isNull() && !keepNulls) return null;
    if (headers.keySet().stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).equals("content-type"))) {
      headers.put("Content-Type", List.of("application/json"));
    }
    return Json.write(keepNulls ? body : HttpParameters.withoutNulls(body)).getBytes(StandardCharsets.UTF_8);
  }
}
