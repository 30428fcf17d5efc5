package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;
import java.util.Objects;
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
 * @param detailsText {@code details} as JSON text when it was printed before (the same for every
 *     entry into a state, so printed once per state), else null; not part of the event's identity
 */
public record HistoryEvent(
    long id, long previousEventId, String type, Instant timestamp, String detailsKey, JsonNode details,
    String payloadField, String payload, String detailsText) {

  public HistoryEvent(long id, long previousEventId, String type, Instant timestamp, String detailsKey, JsonNode details) {
    this(id, previousEventId, type, timestamp, detailsKey, details, null, null);
  }

  public HistoryEvent(long id, long previousEventId, String type, Instant timestamp, String detailsKey, JsonNode details,
      String payloadField, String payload) {
    this(id, previousEventId, type, timestamp, detailsKey, details, payloadField, payload, null);
  }

  /** The details as JSON text, as storage keeps them. */
  public String printedDetails() {
    if (details == null) return null;
    return detailsText != null ? detailsText : JsonText.print(details);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryEvent e && id == e.id && previousEventId == e.previousEventId && type.equals(e.type)
        && Objects.equals(timestamp, e.timestamp) && Objects.equals(detailsKey, e.detailsKey)
        && Objects.equals(details, e.details) && Objects.equals(payloadField, e.payloadField)
        && Objects.equals(payload, e.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, previousEventId, type, timestamp, detailsKey, details, payloadField, payload);
  }

  /** The details member as AWS shows it, payload included. */
  public ObjectNode fullDetails() {
    ObjectNode full = Json.object();
    if (payloadField != null) full.put(payloadField, payload);
    if (details != null) full.setAll((ObjectNode) details);
    return full;
  }
}
