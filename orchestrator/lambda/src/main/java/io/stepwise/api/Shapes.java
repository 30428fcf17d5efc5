package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import java.math.BigDecimal;
import java.time.Instant;

/** JSON shapes of the protocol that several operations share. */
final class Shapes {
  private Shapes() {}

  /** A timestamp as the JSON protocol sends it: epoch seconds with the milliseconds as a fraction. */
  static JsonNode timestamp(Instant instant) {
    return Json.NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }

  /** Sets {@code field} to the timestamp, or leaves it out when {@code instant} is null. */
  static ObjectNode putTime(ObjectNode node, String field, Instant instant) {
    if (instant != null) node.set(field, timestamp(instant));
    return node;
  }

  /** Sets {@code field} to the text, or leaves it out when it is null. */
  static ObjectNode putText(ObjectNode node, String field, String text) {
    if (text != null) node.put(field, text);
    return node;
  }

  /** {@code inputDetails} / {@code outputDetails}: Stepwise never truncates a payload. */
  static ObjectNode included() {
    return Json.object().put("included", true);
  }

  /**
   * A history event as GetExecutionHistory returns it: {@code timestamp, type, id,
   * previousEventId} and its details member; without the input/output payload when
   * {@code includeData} is false.
   */
  static ObjectNode event(HistoryEvent event, boolean includeData) {
    ObjectNode node = Json.object();
    node.set("timestamp", timestamp(event.timestamp()));
    node.put("type", event.type());
    node.put("id", event.id());
    node.put("previousEventId", event.previousEventId());
    if (event.detailsKey() != null) {
      ObjectNode details = event.fullDetails();
      if (!includeData && event.payloadField() != null) details.remove(event.payloadField());
      node.set(event.detailsKey(), details);
    }
    return node;
  }
}
