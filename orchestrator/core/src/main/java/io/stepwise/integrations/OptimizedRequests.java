package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;

/**
 * Where an optimized integration's parameters differ from the API's request: Step Functions
 * accepts JSON where the API takes a string (an SQS body, an SNS message, an event's Detail) and
 * sends its text. EventBridge entries also name the execution and its state machine in Resources.
 */
final class OptimizedRequests {
  private OptimizedRequests() {}

  static JsonNode sqsSendMessage(JsonNode p) {
    return textOf(p, "MessageBody");
  }

  static JsonNode snsPublish(JsonNode p) {
    return textOf(p, "Message");
  }

  static JsonNode eventsPutEvents(JsonNode p, String executionArn) {
    if (!p.path("Entries").isArray()) return p;
    ObjectNode out = p.deepCopy();
    ArrayNode entries = Json.array();
    p.get("Entries").forEach(e -> entries.add(e.isObject() ? withOwnResources(textOf(e, "Detail"), executionArn) : e));
    out.set("Entries", entries);
    return out;
  }

  /** The entry's Resources, then the state machine's ARN and the execution's, as Step Functions appends them. */
  private static JsonNode withOwnResources(JsonNode entry, String executionArn) {
    String machineArn = machineArnOf(executionArn);
    JsonNode given = entry.get("Resources");
    if (machineArn == null || (given != null && !given.isArray())) return entry;
    ObjectNode out = entry.deepCopy();
    ArrayNode resources = given == null ? Json.array() : (ArrayNode) given.deepCopy();
    resources.add(machineArn).add(executionArn);
    out.set("Resources", resources);
    return out;
  }

  /**
   * {@code arn:aws:states:R:A:stateMachine:M} of an execution's ARN ({@code ...:execution:M:NAME},
   * {@code ...:express:M:NAME:ID}), or null for none.
   */
  static String machineArnOf(String executionArn) {
    String[] parts = executionArn == null ? new String[0] : executionArn.split(":", -1);
    if (parts.length < 8 || !("execution".equals(parts[5]) || "express".equals(parts[5]))) return null;
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "stateMachine", parts[6]);
  }

  private static JsonNode textOf(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (!p.isObject() || v == null || v.isTextual() || v.isNull()) return p;
    return ((ObjectNode) p.deepCopy()).put(field, Json.write(v));
  }
}
