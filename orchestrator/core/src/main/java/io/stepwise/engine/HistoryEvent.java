package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;

/**
 * One history event, shaped as GetExecutionHistory returns it: {@code type} is Step Functions'
 * event type ({@code PassStateEntered}, {@code TaskScheduled}, ...), {@code detailsKey} names its
 * {@code *EventDetails} member (null when the type has none). The one large member, the JSON text
 * of an input, output or parameters, is kept apart from the small {@code details} so that it is
 * never escaped into another JSON document on its way to storage.
 *
 * @param payloadField {@code input}, {@code output} or {@code parameters}, or null
 * @param payload that member's value: JSON text
 */
public record HistoryEvent(
    long id, long previousEventId, String type, Instant timestamp, String detailsKey, JsonNode details,
    String payloadField, String payload) {

  public HistoryEvent(long id, long previousEventId, String type, Instant timestamp, String detailsKey, JsonNode details) {
    this(id, previousEventId, type, timestamp, detailsKey, details, null, null);
  }

  /** The details member as AWS shows it, payload included. */
  public ObjectNode fullDetails() {
    ObjectNode full = Json.object();
    if (payloadField != null) full.put(payloadField, payload);
    if (details != null) full.setAll((ObjectNode) details);
    return full;
  }
}
