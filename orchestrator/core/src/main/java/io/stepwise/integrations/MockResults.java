package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.integrations.aws.Shapes;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mocked Task result (TestState's {@code mock.result}) checked against the integration's result
 * shape, as {@code fieldValidationMode} asks: STRICT (required fields present, and every present
 * field of the right type), PRESENT (present fields only), NONE. For {@code aws-sdk} and the
 * optimized AWS calls the shape is the API's output shape where the catalog keeps it; Lambda and
 * the HTTP integrations have Step Functions' own.
 */
public final class MockResults {
  public enum Mode { STRICT, PRESENT, NONE }

  /** A result shape Step Functions defines itself: member types, and the members always there. */
  private record Fixed(Map<String, String> members, Set<String> required) {}

  private static final Fixed LAMBDA = new Fixed(Map.of("ExecutedVersion", "string", "Payload", "any", "StatusCode",
      "integer", "FunctionError", "string", "LogResult", "string", "SdkHttpMetadata", "structure",
      "SdkResponseMetadata", "structure"), Set.of());
  private static final Fixed HTTP = new Fixed(Map.of("Headers", "structure", "ResponseBody", "any", "StatusCode",
      "integer", "StatusText", "string"), Set.of("StatusCode"));
  private static final Set<String> METADATA = Set.of("SdkHttpMetadata", "SdkResponseMetadata");

  private MockResults() {}

  /** @return what does not conform, or empty when the result fits (or there is nothing to check it against) */
  public static Optional<String> problem(Integrations.Target target, JsonNode result, Mode mode, AwsServiceCatalog catalog) {
    if (mode == Mode.NONE || target.pattern() != IntegrationPattern.REQUEST_RESPONSE) return Optional.empty();
    Integration.Call call = target.integration().call();
    if (call instanceof Integration.LambdaInvoke) return fixed(LAMBDA, result, mode);
    if (call instanceof Integration.Http) return fixed(HTTP, result, mode);
    if (call instanceof Integration.AwsCall api) return aws(api, result, catalog);
    return Optional.empty();
  }

  private static Optional<String> fixed(Fixed shape, JsonNode result, Mode mode) {
    if (!result.isObject()) return Optional.of("the result must be a JSON object");
    if (mode == Mode.STRICT) {
      for (String required : shape.required()) {
        if (!result.has(required)) return Optional.of("the required field '" + required + "' is missing");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String type = shape.members().get(e.getKey());
      if (type == null) return Optional.of("the field '" + e.getKey() + "' is not part of the result");
      if (!fits(type, e.getValue())) return Optional.of("the field '" + e.getKey() + "' must be of type " + type);
    }
    return Optional.empty();
  }

  private static Optional<String> aws(Integration.AwsCall api, JsonNode result, AwsServiceCatalog catalog) {
    if (!result.isObject()) return Optional.of("the result must be a JSON object");
    Optional<AwsService> service = catalog.service(api.sdkService());
    Optional<AwsOperation> operation = service.flatMap(s -> s.operation(api.sdkAction()));
    if (operation.isEmpty() || operation.get().outputShape() == null) return Optional.empty();
    Shapes shapes = service.get().shapes().get();
    if (!shapes.known()) return Optional.empty(); // the catalog keeps no shapes for this service: nothing to check
    boolean metadata = api.result() == Integration.ResultShape.RESPONSE_WITH_METADATA;
    return check(shapes, operation.get().outputShape(), result, "", metadata);
  }

  private static Optional<String> check(Shapes shapes, String shapeName, JsonNode value, String at, boolean metadata) {
    JsonNode shape = shapes.shape(shapeName);
    if (shape == null) return Optional.empty();
    String type = shape.path("t").asText();
    if (!fits(type, value)) return Optional.of("the field '" + at + "' must be of type " + type);
    switch (type) {
      case "structure" -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String member = Shapes.member(shape, e.getKey());
          String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
          if (member == null) {
            if (metadata && at.isEmpty() && METADATA.contains(e.getKey())) continue;
            return Optional.of("the field '" + path + "' is not part of the API's response");
          }
          Optional<String> inner = check(shapes, shape.path("m").path(member).path("s").asText(), e.getValue(), path, false);
          if (inner.isPresent()) return inner;
        }
      }
      case "list" -> {
        for (int i = 0; i < value.size(); i++) {
          Optional<String> inner = check(shapes, shape.path("e").path("s").asText(), value.get(i), at + "[" + i + "]", false);
          if (inner.isPresent()) return inner;
        }
      }
      case "map" -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          Optional<String> inner = check(shapes, shape.path("v").asText(), e.getValue(), at + "." + e.getKey(), false);
          if (inner.isPresent()) return inner;
        }
      }
      default -> { }
    }
    return Optional.empty();
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "structure", "map" -> value.isObject();
      case "list" -> value.isArray();
      case "string", "blob" -> value.isTextual();
      case "timestamp" -> value.isTextual() || value.isNumber();
      case "integer", "long" -> value.isIntegralNumber();
      case "float", "double" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }
}
