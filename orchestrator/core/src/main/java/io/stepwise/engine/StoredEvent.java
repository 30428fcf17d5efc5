package io.stepwise.engine;

import io.stepwise.json.Json;
import java.time.Instant;

/** A history event as runtimes store it: the small details as JSON text, the payload as it is. */
public record StoredEvent(
    long id, long previousEventId, String type, long timestampMillis, String detailsKey,
    String detailsJson, String payloadField, String payload) {

  public static StoredEvent of(HistoryEvent event) {
    return new StoredEvent(event.id(), event.previousEventId(), event.type(), event.timestamp().toEpochMilli(),
        event.detailsKey(), event.printedDetails(),
        event.payloadField(), event.payload());
  }

  public HistoryEvent toEvent() {
    return new HistoryEvent(id, previousEventId, type, Instant.ofEpochMilli(timestampMillis), detailsKey,
        detailsJson == null ? null : Json.parse(detailsJson), payloadField, payload);
  }
}
