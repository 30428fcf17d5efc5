package io.stepwise.local.lambda;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code X-Amz-Client-Context} header, decoded: base64 of a JSON object with {@code client}
 * (installation_id, app_title, app_version_name, app_version_code, app_package_name),
 * {@code custom} and {@code env}, the layout the Java runtime reads.
 */
record LocalClientContext(Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
    implements ClientContext {

  record LocalClient(String getInstallationId, String getAppTitle, String getAppVersionName, String getAppVersionCode,
      String getAppPackageName) implements Client {}

  /** Null for no header; a 400 InvalidRequestContentException when it is not base64 JSON. */
  static LocalClientContext decode(String header) {
    if (header == null || header.isEmpty()) return null;
    JsonNode json;
    try {
      json = Json.parse(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw new LambdaApiException(400, "InvalidRequestContentException",
          "Client context must be a valid Base64-encoded JSON object.");
    }
    JsonNode client = json.path("client");
    LocalClient info = client.isObject()
        ? new LocalClient(text(client, "installation_id"), text(client, "app_title"), text(client, "app_version_name"),
            text(client, "app_version_code"), text(client, "app_package_name"))
        : null;
    return new LocalClientContext(info, strings(json.path("custom")), strings(json.path("env")));
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : Json.write(value);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fieldNames().forEachRemaining(name -> map.put(name, text(object, name)));
    return map;
  }
}
