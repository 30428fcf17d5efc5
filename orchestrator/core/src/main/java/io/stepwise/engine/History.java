package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Appends the history events of one step, numbering them as Step Functions does. */
final class History {
  /** {@code {"truncated": false}}: Stepwise never truncates payloads in history. */
  static final JsonNode NOT_TRUNCATED = Json.object().put("truncated", false);

  private final List<HistoryEvent> events = new ArrayList<>();
  private final Instant now;
  private long lastId;
  private long previousId;

  History(long lastId, Instant now) {
    this.lastId = lastId;
    this.previousId = lastId;
    this.now = now;
  }

  long add(String type, String detailsKey, JsonNode details) {
    return add(type, detailsKey, details, null, null);
  }

  /** An event whose details carry a JSON payload ({@code input}, {@code output}, {@code parameters}). */
  long add(String type, String detailsKey, JsonNode details, String payloadField, String payload) {
    long id = ++lastId;
    events.add(new HistoryEvent(id, previousId, type, now, detailsKey, details, payloadField, payload));
    previousId = id;
    return id;
  }

  long add(String type) {
    return add(type, null, null);
  }

  /** Payloads are JSON text, as GetExecutionHistory returns them. */
  long stateEntered(String type, String name, String inputJson) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.set("inputDetails", NOT_TRUNCATED);
    return add(type + "StateEntered", "stateEnteredEventDetails", d, "input", inputJson);
  }

  void stateExited(String type, String name, String outputJson) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.set("outputDetails", NOT_TRUNCATED);
    add(type + "StateExited", "stateExitedEventDetails", d, "output", outputJson);
  }

  void failed(String type, String detailsKey, String error, String cause) {
    ObjectNode d = Json.object();
    if (error != null) d.put("error", error);
    if (cause != null) d.put("cause", cause);
    add(type, detailsKey, d);
  }

  /** Moves past events that others numbered (children run by the runtime). */
  void skipTo(long id) {
    if (id > lastId) {
      lastId = id;
      previousId = id;
    }
  }

  long lastId() {
    return lastId;
  }

  Instant now() {
    return now;
  }

  List<HistoryEvent> events() {
    return List.copyOf(events);
  }
}
