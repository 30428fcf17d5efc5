package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.Shapes;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;

/** REST-JSON: the HTTP binding of {@link RestBinding}, a JSON body (or a blob or structure payload). */
final class RestJsonWire implements WireProtocol {
  static final RestJsonWire INSTANCE = new RestJsonWire();

  @Override
  public Request request(AwsService service, AwsOperation operation, JsonNode parameters) {
    RestBinding binding = new RestBinding(operation, parameters);
    Shapes shapes = service.shapes().get();
    Map<String, String> headers = new LinkedHashMap<>(binding.headers);
    byte[] body;
    String payloadType = payloadType(operation.input(), operation);
    if (binding.payload != null) {
      body = payloadBytes(binding.payload, payloadType);
      headers.putIfAbsent("Content-Type", "structure".equals(payloadType) ? "application/json" : "application/octet-stream");
    } else if (!binding.body.isEmpty() || methodHasBody(operation)) {
      body = Json.write(shapes.toWire(binding.body, operation.inputShape())).getBytes(StandardCharsets.UTF_8);
      headers.putIfAbsent("Content-Type", "application/json");
    } else {
      body = new byte[0];
    }
    return new Request(SdkHttpMethod.fromValue(operation.method()), binding.encodedPath, binding.query, headers, body);
  }

  @Override
  public JsonNode response(AwsService service, AwsOperation operation, AwsApiCaller.RawResponse response) {
    ObjectNode out = RestBinding.fromHeaders(operation, response);
    String payload = operation.payloadMember(operation.output());
    if (payload != null) {
      String type = operation.output().get(payload).name();
      if (response.body().length > 0) out.set(Shapes.pascal(payload), payloadValue(response, type));
      return out;
    }
    if (response.body().length > 0) {
      JsonNode body = service.shapes().get().fromWire(Json.parse(response.text()), operation.outputShape());
      body.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
    }
    return out;
  }

  @Override
  public AwsApiException error(AwsService service, AwsApiCaller.RawResponse response) {
    return JsonWire.jsonError(service, response);
  }

  private static boolean methodHasBody(AwsOperation operation) {
    return operation.method().equals("POST") || operation.method().equals("PUT") || operation.method().equals("PATCH");
  }

  private static String payloadType(Map<String, AwsOperation.Location> members, AwsOperation operation) {
    String payload = operation.payloadMember(members);
    return payload == null ? null : members.get(payload).name();
  }

  /** A blob payload given as JSON is sent as that JSON's text (as Step Functions does for InvokeModel's Body). */
  static byte[] payloadBytes(JsonNode value, String type) {
    if ("blob".equals(type) || "string".equals(type)) {
      return (value.isTextual() ? value.textValue() : Json.write(value)).getBytes(StandardCharsets.UTF_8);
    }
    return Json.write(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A payload read back: a structure as JSON; a blob or string as its text (base64 when it is not
   * UTF-8), as Step Functions shows {@code aws-sdk:s3:getObject}'s Body.
   */
  static JsonNode payloadValue(AwsApiCaller.RawResponse response, String type) {
    String text = response.text();
    if ("structure".equals(type)) return Json.parse(text);
    boolean utf8 = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), response.body());
    return Json.text(utf8 ? text : Base64.getEncoder().encodeToString(response.body()));
  }
}
