package io.stepwise.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * EventBridge on this machine: rules (an event pattern on a bus, and what to do with a match) and
 * PutEvents, which wraps each entry in EventBridge's envelope and hands it to every matching rule.
 */
public final class LocalEventBus {
  /** A rule: its id (for logs), the bus it listens on, its pattern, and its target. */
  public record Rule(String id, String busName, JsonNode pattern, Consumer<JsonNode> target) {}

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final String region;
  private final String accountId;
  private final Consumer<String> log;

  public LocalEventBus(String region, String accountId, Consumer<String> log) {
    this.region = region;
    this.accountId = accountId;
    this.log = log;
  }

  public void add(Rule rule) {
    rules.add(rule);
  }

  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  /**
   * PutEvents: one result per entry, in order, its {@code EventId} or, for an entry EventBridge
   * refuses, its {@code ErrorCode} and {@code ErrorMessage}; each event goes to every rule it matches.
   */
  public List<ObjectNode> put(List<JsonNode> entries, Instant now) {
    List<ObjectNode> results = new ArrayList<>();
    for (JsonNode entry : entries) {
      ObjectNode refused = refusal(entry);
      if (refused != null) {
        results.add(refused);
        continue;
      }
      ObjectNode event = envelope(entry, now);
      results.add(Json.object().put("EventId", event.get("id").textValue()));
      String bus = busName(entry.path("EventBusName").asText("default"));
      for (Rule rule : rules) {
        if (!rule.busName().equals(bus) || !EventPattern.matches(rule.pattern(), event)) continue;
        try {
          rule.target().accept(event);
        } catch (RuntimeException e) {
          log.accept("event rule " + rule.id() + " could not start an execution: " + e.getMessage());
        }
      }
    }
    return results;
  }

  /**
   * Why EventBridge refuses an entry, in its words (AWS's test_events_task_service recordings), or
   * null: Source, DetailType and Detail are required, and Detail must be a JSON object.
   */
  static ObjectNode refusal(JsonNode entry) {
    for (String field : List.of("Source", "DetailType", "Detail")) {
      if (entry.path(field).asText("").isEmpty()) {
        return failed("InvalidArgument", "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.");
      }
    }
    try {
      if (Json.parse(entry.get("Detail").asText()).isObject()) return null;
    } catch (IllegalArgumentException notJson) {
      // malformed, as a JSON value that is not an object
    }
    return failed("MalformedDetail", "Detail is malformed.");
  }

  private static ObjectNode failed(String code, String message) {
    return Json.object().put("ErrorCode", code).put("ErrorMessage", message);
  }

  /** A bus named by name or ARN ({@code arn:aws:events:r:a:event-bus/NAME}). */
  public static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isBlank()) return "default";
    int slash = nameOrArn.lastIndexOf("event-bus/");
    return slash < 0 ? nameOrArn : nameOrArn.substring(slash + "event-bus/".length());
  }

  private ObjectNode envelope(JsonNode entry, Instant now) {
    ObjectNode event = Json.NODES.objectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", entry.path("DetailType").asText());
    event.put("source", entry.path("Source").asText());
    event.put("account", accountId);
    event.put("time", (entry.hasNonNull("Time") ? Instant.parse(entry.get("Time").asText()) : now)
        .truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.set("resources", entry.has("Resources") ? entry.get("Resources") : Json.NODES.arrayNode());
    event.set("detail", Json.parse(entry.get("Detail").asText()));
    return event;
  }
}
