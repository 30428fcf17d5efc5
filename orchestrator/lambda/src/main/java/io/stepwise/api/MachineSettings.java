package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.DocumentStore;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine's {@code loggingConfiguration} and {@code tracingConfiguration}, checked as AWS
 * checks them, kept, and described back. The orchestrator writes execution logs to the named
 * CloudWatch Logs group ({@code observability.MachineLogging} reads them); X-Ray tracing is
 * accepted but not honoured (see the README's limits).
 */
final class MachineSettings {
  private static final String SETTINGS = io.stepwise.observability.MachineLogging.SETTINGS;
  private static final Set<String> LEVELS = Set.of("ALL", "ERROR", "FATAL", "OFF");
  private static final Pattern LOG_GROUP = Pattern.compile("arn:aws[a-z-]*:logs:[a-z0-9-]+:\\d{12}:log-group:[^:]+:\\*");

  private final DocumentStore documents;

  MachineSettings(DocumentStore documents) {
    this.documents = documents;
  }

  /** Checks both members of a Create or Update request; null for each that is absent. */
  static ObjectNode checked(Request request) {
    ObjectNode settings = Json.object();
    JsonNode logging = request.body().get("loggingConfiguration");
    if (logging != null && !logging.isNull()) settings.set("logging", logging(logging));
    JsonNode tracing = request.body().get("tracingConfiguration");
    if (tracing != null && !tracing.isNull()) {
      settings.set("tracing", Json.object().put("enabled", tracing.path("enabled").asBoolean(false)));
    }
    return settings;
  }

  /** Stores what the request gave, keeping what it did not; true when that changed them. */
  boolean update(String machineArn, ObjectNode given) {
    if (given.isEmpty()) return false;
    ObjectNode before = describe(machineArn);
    ObjectNode current = (ObjectNode) documents.get(SETTINGS, machineArn).orElse(Json.object());
    current.setAll(given);
    documents.put(SETTINGS, machineArn, current);
    return !before.equals(describe(machineArn));
  }

  private ObjectNode describe(String machineArn) {
    ObjectNode described = Json.object();
    describe(machineArn, described);
    return described;
  }

  void describe(String machineArn, ObjectNode response) {
    JsonNode settings = documents.get(SETTINGS, machineArn).orElse(Json.object());
    response.set("loggingConfiguration", settings.has("logging") ? settings.get("logging")
        : Json.object().put("level", "OFF").put("includeExecutionData", false));
    response.set("tracingConfiguration", settings.has("tracing") ? settings.get("tracing") : Json.object().put("enabled", false));
  }

  void delete(String machineArn) {
    documents.delete(SETTINGS, machineArn);
  }

  private static ObjectNode logging(JsonNode given) {
    String level = given.path("level").asText("OFF");
    if (!LEVELS.contains(level)) {
      throw ApiErrors.validation("Value '" + level + "' at 'loggingConfiguration.level' failed to satisfy constraint: "
          + "Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]");
    }
    JsonNode destinations = given.path("destinations");
    if (destinations.size() > 1) {
      throw new ApiException("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    if (!level.equals("OFF") && destinations.isEmpty()) {
      throw new ApiException("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    ArrayNode kept = Json.array();
    for (JsonNode destination : destinations) {
      String arn = destination.path("cloudWatchLogsLogGroup").path("logGroupArn").asText("");
      if (!LOG_GROUP.matcher(arn).matches()) {
        throw new ApiException("InvalidLoggingConfiguration", "Invalid Logging Configuration: Log Destination not found: '" + arn
            + "' (expected arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*)");
      }
      kept.add(Json.object().set("cloudWatchLogsLogGroup", Json.object().put("logGroupArn", arn)));
    }
    ObjectNode logging = Json.object().put("level", level).put("includeExecutionData", given.path("includeExecutionData").asBoolean(false));
    if (!kept.isEmpty()) logging.set("destinations", kept);
    return logging;
  }
}
