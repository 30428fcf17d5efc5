package io.stepwise.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An EventBridge connection's secret (the one EventBridge keeps in Secrets Manager, named
 * {@code events!connection/NAME/ID/auth}) read into what an HTTP Task adds to its request. OAuth
 * connections need a token first: {@link #tokenRequest} is the client-credentials call, and
 * {@link #withToken} the parameters once it answered.
 */
public final class ConnectionAuth {
  /** Errors as Step Functions names a connection's problems. */
  public static final String PREFIX = "Events.ConnectionResource.";

  private ConnectionAuth() {}

  /** @param authorizationType the connection's {@code AuthorizationType} (API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS) */
  public static ConnectionParameters parameters(String authorizationType, JsonNode secret) throws HttpTaskFailure {
    Builder b = new Builder();
    switch (authorizationType) {
      case "API_KEY" -> b.header(required(secret, "api_key_name", "ApiKeyName"), required(secret, "api_key_value",
          "ApiKeyValue"), true);
      case "BASIC" -> b.header("Authorization", basic(required(secret, "username", "Username"),
          required(secret, "password", "Password")), true);
      case "OAUTH_CLIENT_CREDENTIALS" -> { } // the bearer token is added by withToken
      default -> throw new HttpTaskFailure(PREFIX + "InvalidConnectionState",
          "The connection's authorization type '" + authorizationType + "' is not supported");
    }
    invocationParameters(b, field(secret, "invocation_http_parameters", "InvocationHttpParameters"));
    return b.build();
  }

  /** The OAuth client-credentials request to the connection's authorization endpoint. */
  public static HttpRequest tokenRequest(JsonNode secret) throws HttpTaskFailure {
    JsonNode client = field(secret, "client_parameters", "ClientParameters");
    String id = required(client == null ? secret : client, "client_id", "ClientID");
    String clientSecret = required(client == null ? secret : client, "client_secret", "ClientSecret");
    String endpoint = required(secret, "authorization_endpoint", "AuthorizationEndpoint");
    String method = Optional.ofNullable(field(secret, "http_method", "HttpMethod")).map(JsonNode::asText).orElse("POST");
    Builder oauth = new Builder();
    JsonNode oauthParameters = field(secret, "oauth_http_parameters", "OAuthHttpParameters");
    invocationParameters(oauth, oauthParameters != null ? oauthParameters : secret.get("o_auth_http_parameters"));
    oauth.body.putIfAbsent("grant_type", "client_credentials");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    oauth.headers.forEach((k, v) -> headers.put(k, List.of(v)));
    headers.put("Authorization", List.of(basic(id, clientSecret)));
    String form = UrlEncoding.form(Json.mapper().valueToTree(oauth.body), UrlEncoding.ArrayFormat.INDICES);
    String query = HttpParameters.query(listed(oauth.query));
    String url = query.isEmpty() ? endpoint : endpoint + (endpoint.contains("?") ? "&" : "?") + query;
    if (method.equals("GET")) return new HttpRequest(method, url + (url.contains("?") ? "&" : "?") + form, headers, null);
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
    return new HttpRequest(method, url, headers, form.getBytes(StandardCharsets.UTF_8));
  }

  /** The parameters with the token the authorization endpoint gave ({@code access_token}). */
  public static ConnectionParameters withToken(ConnectionParameters p, HttpResults.Response answer) throws HttpTaskFailure {
    if (answer.status() < 200 || answer.status() >= 300) {
      throw new HttpTaskFailure(PREFIX + "InvalidConnectionState", "The connection's authorization endpoint answered "
          + answer.status() + ": the OAuth client credentials were not accepted");
    }
    JsonNode token;
    try {
      token = Json.parse(answer.bodyText()).get("access_token");
    } catch (IllegalArgumentException e) {
      token = null;
    }
    if (token == null || !token.isTextual()) {
      throw new HttpTaskFailure(PREFIX + "InvalidConnectionState", "The connection's authorization endpoint gave no access_token");
    }
    Map<String, String> headers = new LinkedHashMap<>(p.headers());
    headers.put("Authorization", "Bearer " + token.textValue());
    Set<String> secret = new HashSet<>(p.secretHeaders());
    secret.add("Authorization");
    return new ConnectionParameters(headers, p.query(), p.body(), secret, p.secretQuery(), p.secretBody());
  }

  private static void invocationParameters(Builder b, JsonNode params) {
    if (params == null) return;
    for (JsonNode h : list(params, "header_parameters", "HeaderParameters")) b.header(key(h), value(h), isSecret(h));
    for (JsonNode q : list(params, "query_string_parameters", "QueryStringParameters")) b.query(key(q), value(q), isSecret(q));
    for (JsonNode f : list(params, "body_parameters", "BodyParameters")) b.body(key(f), value(f), isSecret(f));
  }

  private static Iterable<JsonNode> list(JsonNode node, String snake, String pascal) {
    JsonNode v = field(node, snake, pascal);
    return v != null && v.isArray() ? v : List.of();
  }

  private static String key(JsonNode p) {
    return Optional.ofNullable(field(p, "key", "Key")).map(JsonNode::asText).orElse("");
  }

  private static String value(JsonNode p) {
    return Optional.ofNullable(field(p, "value", "Value")).map(JsonNode::asText).orElse("");
  }

  private static boolean isSecret(JsonNode p) {
    JsonNode v = field(p, "is_value_secret", "IsValueSecret");
    return v != null && v.asBoolean(false);
  }

  /** EventBridge writes the secret in snake_case; the API shows the same fields in PascalCase. */
  private static JsonNode field(JsonNode node, String snake, String pascal) {
    JsonNode v = node.get(snake);
    return v != null ? v : node.get(pascal);
  }

  private static String required(JsonNode node, String snake, String pascal) throws HttpTaskFailure {
    JsonNode v = field(node, snake, pascal);
    if (v == null || !v.isTextual()) {
      throw new HttpTaskFailure(PREFIX + "InvalidConnectionState", "The connection's secret has no " + pascal);
    }
    return v.textValue();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> listed(Map<String, String> map) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, new ArrayList<>(List.of(v))));
    return out;
  }

  private static final class Builder {
    final Map<String, String> headers = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> body = new LinkedHashMap<>();
    final Set<String> secretHeaders = new HashSet<>();
    final Set<String> secretQuery = new HashSet<>();
    final Set<String> secretBody = new HashSet<>();

    void header(String k, String v, boolean secret) {
      headers.put(k, v);
      if (secret) secretHeaders.add(k);
    }

    void query(String k, String v, boolean secret) {
      query.put(k, v);
      if (secret) secretQuery.add(k);
    }

    void body(String k, String v, boolean secret) {
      body.put(k, v);
      if (secret) secretBody.add(k);
    }

    ConnectionParameters build() {
      return new ConnectionParameters(headers, query, body, secretHeaders, secretQuery, secretBody);
    }
  }
}
