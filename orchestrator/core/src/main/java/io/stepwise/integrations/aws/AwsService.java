package io.stepwise.integrations.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One AWS service as the protocol-level caller needs it.
 *
 * @param key the name in {@code aws-sdk:KEY:action} (the SDK's service name in lower case)
 * @param name the SDK's service name ({@code DynamoDb}, {@code S3}): the prefix of its error names
 * @param protocol {@code json}, {@code rest-json}, {@code query} or {@code rest-xml}
 * @param shapes the shapes the wire format needs; {@link Shapes#NONE} where names are as Step Functions writes them
 * @param resultShapes the shapes of the operations' results (a mocked result is checked against them)
 */
public record AwsService(String key, String name, String protocol, String targetPrefix, String jsonVersion,
    String signingName, String endpointPrefix, String apiVersion, String globalEndpoint, JsonNode operations,
    JsonNode errorShapes, Supplier<Shapes> shapes, Supplier<Shapes> resultShapes) {

  static AwsService fromCatalog(String key, JsonNode n) {
    Supplier<Shapes> file = lazily(() -> new Shapes(AwsServiceCatalog.read("shapes/" + key + ".json.gz")));
    boolean wire = n.path("h").asBoolean(false);
    Supplier<Shapes> results = wire || n.path("hr").asBoolean(false) ? file : () -> Shapes.NONE;
    return new AwsService(key, n.get("n").asText(), n.get("p").asText(), text(n, "t"), text(n, "j"), n.get("s").asText(),
        n.get("e").asText(), n.get("v").asText(), text(n, "g"), n.get("o"), n.path("x"), wire ? file : () -> Shapes.NONE, results);
  }

  /** @param action as in the resource ARN: {@code getItem}, {@code listObjectsV2} */
  public Optional<AwsOperation> operation(String action) {
    JsonNode op = operations.get(action);
    return op == null ? Optional.empty() : Optional.of(AwsOperation.fromCatalog(op));
  }

  /**
   * Step Functions' name for a service error: {@code ServiceName.ExceptionName}, the modelled
   * shape's name with an {@code Exception} suffix even where the API's own code lacks it
   * ({@code S3.NoSuchKeyException}).
   */
  public String errorName(String code) {
    String shape = errorShapes.path(code).asText(code);
    return name + "." + (shape.endsWith("Exception") ? shape : shape + "Exception");
  }

  /** Whether the API models {@code code} as one of its errors. */
  public boolean models(String code) {
    return code != null && errorShapes.has(code);
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static <T> Supplier<T> lazily(Supplier<T> load) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) value = v = load.get();
        return v;
      }
    };
  }
}
