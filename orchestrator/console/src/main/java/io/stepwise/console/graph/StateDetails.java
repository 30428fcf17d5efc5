package io.stepwise.console.graph;

import com.fasterxml.jackson.databind.JsonNode;

/** The short line a box shows under its state's name: what a Task calls, how long a Wait waits. */
final class StateDetails {
  private static final String SERVICE_PREFIX = "arn:aws:states:::";
  private static final int MAX = 36;

  private StateDetails() {}

  static String of(JsonNode state) {
    String type = state.path("Type").asText("");
    String detail = switch (type) {
      case "Task" -> resource(state.path("Resource").asText(""));
      case "Wait" -> firstOf(state, "Seconds", "SecondsPath", "Timestamp", "TimestampPath");
      case "Map" -> "DISTRIBUTED".equals(state.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText())
          ? "Distributed Map" : null;
      case "Fail" -> state.path("Error").asText(null);
      default -> null;
    };
    return detail == null ? null : ChoiceLabels.shorten(detail, MAX);
  }

  private static String resource(String resource) {
    if (resource.startsWith(SERVICE_PREFIX)) return resource.substring(SERVICE_PREFIX.length());
    if (resource.startsWith("arn:aws:lambda:")) return "lambda " + resource.substring(resource.lastIndexOf(':') + 1);
    return resource;
  }

  private static String firstOf(JsonNode state, String... fields) {
    for (String field : fields) {
      if (state.has(field)) return field + ": " + state.get(field).asText();
    }
    return null;
  }
}
