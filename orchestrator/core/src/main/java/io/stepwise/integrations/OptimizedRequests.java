package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;

/**
 * Where an optimized integration's parameters differ from the API's request: Step Functions
 * accepts JSON where the API takes a string (an SQS body, an SNS message, an event's Detail) and
 * sends its text.
 */
final class OptimizedRequests {
  private OptimizedRequests() {}

  static JsonNode sqsSendMessage(JsonNode p) {
    return textOf(p, "MessageBody");
  }

  static JsonNode snsPublish(JsonNode p) {
    return textOf(p, "Message");
  }

  static JsonNode eventsPutEvents(JsonNode p) {
    if (!p.path("Entries").isArray()) return p;
    ObjectNode out = p.deepCopy();
    ArrayNode entries = Json.array();
    p.get("Entries").forEach(e -> entries.add(e.isObject() ? textOf(e, "Detail") : e));
    out.set("Entries", entries);
    return out;
  }

  private static JsonNode textOf(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (!p.isObject() || v == null || v.isTextual() || v.isNull()) return p;
    return ((ObjectNode) p.deepCopy()).put(field, Json.write(v));
  }
}
