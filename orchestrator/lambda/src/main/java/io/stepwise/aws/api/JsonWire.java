package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;

/** AWS JSON 1.0 / 1.1: {@code POST /} with {@code X-Amz-Target: Prefix.Operation} and the members as JSON. */
final class JsonWire implements WireProtocol {
  static final JsonWire INSTANCE = new JsonWire();

  @Override
  public Request request(AwsService service, AwsOperation operation, JsonNode parameters) {
    JsonNode body = service.shapes().get().toWire(parameters == null ? Json.object() : parameters, operation.inputShape());
    return new Request(SdkHttpMethod.POST, "/", Map.of(),
        Map.of("X-Amz-Target", service.targetPrefix() + "." + operation.name(),
            "Content-Type", "application/x-amz-json-" + (service.jsonVersion() == null ? "1.0" : service.jsonVersion())),
        Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public JsonNode response(AwsService service, AwsOperation operation, AwsApiCaller.RawResponse response) {
    JsonNode body = response.body().length == 0 ? Json.object() : Json.parse(response.text());
    return service.shapes().get().fromWire(body, operation.outputShape());
  }

  @Override
  public AwsApiException error(AwsService service, AwsApiCaller.RawResponse response) {
    return jsonError(service, response);
  }

  /** The JSON protocols' error: {@code __type} (or {@code x-amzn-ErrorType}) and {@code message}. */
  static AwsApiException jsonError(AwsService service, AwsApiCaller.RawResponse response) {
    JsonNode body;
    try {
      body = response.body().length == 0 ? Json.object() : Json.parse(response.text());
    } catch (IllegalArgumentException notJson) {
      body = Json.object().put("message", response.text());
    }
    String type = response.header("x-amzn-ErrorType");
    if (type == null) type = body.path("__type").asText(body.path("code").asText(null));
    String code = type == null ? null : errorCode(type);
    String message = body.path("message").asText(body.path("Message").asText(null));
    return AwsApiException.fromService(service, code, message, response.status(), AwsApiCaller.requestId(response));
  }

  /** {@code aws.protocoltests#FooError:http://...} and {@code com.amazon.coral#Foo} both mean {@code Foo}. */
  static String errorCode(String type) {
    String code = type;
    int colon = code.indexOf(':');
    if (colon >= 0) code = code.substring(0, colon);
    int hash = code.lastIndexOf('#');
    return hash >= 0 ? code.substring(hash + 1) : code;
  }
}
