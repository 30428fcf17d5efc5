package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * A history event as runtimes store it: small details as JSON text, and the one large payload
 * (input, output or parameters, already JSON text) kept apart so it is never escaped twice.
 */
public record StoredEvent(
    long id, long previousEventId, String type, long timestampMillis, String detailsKey,
    String detailsJson, String payloadField, String payload) {

  private static final String[] PAYLOAD_FIELDS = {"input", "output", "parameters"};

  public static StoredEvent of(HistoryEvent event) {
    String payloadField = null;
    String payload = null;
    String detailsJson = null;
    JsonNode details = event.details();
    if (details != null) {
      for (String field : PAYLOAD_FIELDS) {
        JsonNode value = details.get(field);
        if (value != null && value.isTextual()) {
          payloadField = field;
          payload = value.textValue();
          break;
        }
      }
      detailsJson = payloadField == null ? Json.write(details) : writeWithout(details, payloadField);
    }
    return new StoredEvent(event.id(), event.previousEventId(), event.type(), event.timestamp().toEpochMilli(),
        event.detailsKey(), detailsJson, payloadField, payload);
  }

  /** The details object's JSON without one field, written directly (no copy of the tree). */
  private static String writeWithout(JsonNode details, String skipped) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
      generator.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals(skipped)) continue;
        generator.writeFieldName(e.getKey());
        Json.MAPPER.writeTree(generator, e.getValue());
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public HistoryEvent toEvent() {
    ObjectNode details = null;
    if (detailsJson != null) {
      details = (ObjectNode) Json.parse(detailsJson);
      if (payloadField != null) {
        ObjectNode ordered = Json.object();
        ordered.put(payloadField, payload);
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          ordered.set(e.getKey(), e.getValue());
        }
        details = ordered;
      }
    }
    return new HistoryEvent(id, previousEventId, type, Instant.ofEpochMilli(timestampMillis), detailsKey, details);
  }
}
