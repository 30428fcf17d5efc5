package io.stepwise.integrations.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Every AWS service the {@code aws-sdk} integration can call, read from the resource that
 * {@code orchestrator/core/tools/generate-aws-services.py} generates from botocore's models.
 */
public final class AwsServiceCatalog {
  static final String RESOURCES = "/io/stepwise/integrations/aws/";

  private static final AwsServiceCatalog STANDARD = new AwsServiceCatalog(() -> Holder.SERVICES);

  private final Supplier<Map<String, AwsService>> services;

  private AwsServiceCatalog(Supplier<Map<String, AwsService>> services) {
    this.services = services;
  }

  /**
   * The catalog in this jar (read once: it is immutable data). Its 3.6 MB are parsed on the first
   * lookup, not here, so wiring a handler up costs nothing until a Task needs a service.
   */
  public static AwsServiceCatalog standard() {
    return STANDARD;
  }

  /** @param name as in {@code arn:aws:states:::aws-sdk:NAME:action}, e.g. {@code dynamodb}, {@code sfn} */
  public Optional<AwsService> service(String name) {
    return Optional.ofNullable(services.get().get(name));
  }

  public int size() {
    return services.get().size();
  }

  static JsonNode read(String name) {
    try (InputStream in = AwsServiceCatalog.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name + " (run generate-aws-services.py)");
      return Json.parse(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    static final Map<String, AwsService> SERVICES = load();

    private static Map<String, AwsService> load() {
      Map<String, AwsService> services = new TreeMap<>();
      JsonNode all = read("services.json.gz");
      for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        services.put(e.getKey(), AwsService.fromCatalog(e.getKey(), e.getValue()));
      }
      return services;
    }
  }
}
