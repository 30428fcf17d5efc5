package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.http.HttpResults;
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
 * field of the right type), PRESENT (present fields only), NONE. Fields the shape does not name
 * pass, as on AWS (forward compatibility). For {@code aws-sdk} and the optimized AWS calls the
 * shape is the API's output shape where the catalog keeps it; Lambda and the HTTP integrations
 * have Step Functions' own. Problems are worded as AWS words them, naming the field alone.
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
  private static final String NOT_AN_OBJECT = "Mock result must be a JSON object";

  private MockResults() {}

  /** @return what does not conform, or empty when the result fits (or there is nothing to check it against) */
  public static Optional<String> problem(Integrations.Target target, JsonNode result, Mode mode, AwsServiceCatalog catalog) {
    if (mode == Mode.NONE || target.pattern() != IntegrationPattern.REQUEST_RESPONSE) return Optional.empty();
    Integration.Call call = target.integration().call();
    if (call instanceof Integration.LambdaInvoke) return fixed(LAMBDA, result, mode);
    // apigateway:invoke's result is whatever the API answers: AWS checks no shape (recorded TestState).
    if (call instanceof Integration.Http http && http.style() == HttpResults.Style.API_GATEWAY) return Optional.empty();
    if (call instanceof Integration.Http) return fixed(HTTP, result, mode);
    if (call instanceof Integration.AwsCall api) return aws(api.sdkService(), api.sdkAction(), result, mode, catalog);
    if (call instanceof Integration.StartExecution) return aws("sfn", "startExecution", result, mode, catalog);
    return Optional.empty();
  }

  private static Optional<String> fixed(Fixed shape, JsonNode result, Mode mode) {
    if (!result.isObject()) return Optional.of(NOT_AN_OBJECT);
    if (mode == Mode.STRICT) {
      for (String required : shape.required()) {
        if (!result.has(required)) return Optional.of("Required field '" + required + "' is missing");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String type = shape.members().get(e.getKey());
      if (type != null && !fits(type, e.getValue())) return Optional.of(mustBe(e.getKey(), type));
    }
    return Optional.empty();
  }

  private static Optional<String> aws(String serviceKey, String action, JsonNode result, Mode mode, AwsServiceCatalog catalog) {
    if (!result.isObject()) return Optional.of(NOT_AN_OBJECT);
    Optional<AwsService> service = catalog.service(serviceKey);
    Optional<AwsOperation> operation = service.flatMap(s -> s.operation(action));
    if (operation.isEmpty() || operation.get().outputShape() == null) return Optional.empty();
    Shapes shapes = service.get().resultShapes().get();
    if (!shapes.known()) return Optional.empty(); // the catalog keeps no shapes for this service: nothing to check
    return check(shapes, operation.get().outputShape(), result, null, mode);
  }

  /**
   * @param field the member {@code value} is the value of (AWS names it alone), or null at the top
   */
  private static Optional<String> check(Shapes shapes, String shapeName, JsonNode value, String field, Mode mode) {
    JsonNode shape = shapes.shape(shapeName);
    if (shape == null) return Optional.empty();
    String type = shape.path("t").asText();
    if (!fits(type, value)) return Optional.of(field == null ? NOT_AN_OBJECT : mustBe(field, type));
    Optional<String> constraint = constraint(shape, value, field);
    if (constraint.isPresent()) return constraint;
    switch (type) {
      case "structure" -> {
        if (mode == Mode.STRICT) {
          for (JsonNode required : shape.path("r")) {
            String name = Shapes.pascal(required.asText());
            if (!value.has(name)) return Optional.of("Required field '" + name + "' is missing");
          }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.path("m").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> member = it.next();
          // Step Functions' own casing only: another spelling is a field the API does not name, and passes.
          String name = Shapes.pascal(member.getKey());
          if (!value.has(name)) continue;
          Optional<String> inner = check(shapes, member.getValue().path("s").asText(), value.get(name), name, mode);
          if (inner.isPresent()) return inner;
        }
      }
      case "list" -> {
        for (JsonNode element : value) {
          Optional<String> inner = check(shapes, shape.path("e").path("s").asText(), element, field, mode);
          if (inner.isPresent()) return inner;
        }
      }
      case "map" -> {
        for (JsonNode element : value) {
          Optional<String> inner = check(shapes, shape.path("v").asText(), element, field, mode);
          if (inner.isPresent()) return inner;
        }
      }
      default -> { }
    }
    return Optional.empty();
  }

  /** An enum's values, a blob's least length, a number's range, in AWS's words. */
  private static Optional<String> constraint(JsonNode shape, JsonNode value, String field) {
    if (shape.has("ev") && value.isTextual()) {
      for (JsonNode allowed : shape.get("ev")) if (allowed.asText().equals(value.asText())) return Optional.empty();
      return Optional.of("Field '" + field + "' is not an expected value");
    }
    boolean blob = shape.path("t").asText().equals("blob");
    if (blob && shape.has("mn") && value.asText().length() < shape.get("mn").asLong()) {
      return Optional.of("Field '" + field + "' is smaller than the minimum length");
    }
    if (!blob && value.isNumber()) {
      if (shape.has("mn") && value.decimalValue().compareTo(shape.get("mn").decimalValue()) < 0) {
        return Optional.of("Field '" + field + "' is less than the minimum value");
      }
      if (shape.has("mx") && value.decimalValue().compareTo(shape.get("mx").decimalValue()) > 0) {
        return Optional.of("Field '" + field + "' exceeds the maximum value");
      }
    }
    return Optional.empty();
  }

  /** AWS's words for a field of the wrong type. */
  private static String mustBe(String field, String type) {
    String kind = switch (type.toLowerCase(Locale.ROOT)) {
      case "structure", "map" -> "an object";
      case "list" -> "an array";
      case "integer", "long", "float", "double" -> "a number";
      case "boolean" -> "a boolean";
      default -> "a string";
    };
    return "Field '" + field + "' must be " + kind;
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "structure", "map" -> value.isObject();
      case "list" -> value.isArray();
      case "string", "blob" -> value.isTextual();
      case "timestamp" -> value.isTextual(); // AWS refuses a number or a boolean for a timestamp
      case "integer", "long" -> value.isIntegralNumber();
      case "float", "double" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }
}
