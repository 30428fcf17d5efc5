package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Appends the history events of one step, numbering them as Step Functions does. */
final class History {
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
    long id = ++lastId;
    events.add(new HistoryEvent(id, previousId, type, now, detailsKey, details));
    previousId = id;
    return id;
  }

  long add(String type) {
    return add(type, null, null);
  }

  long stateEntered(String type, String name, JsonNode input) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.set("input", input);
    return add(type + "StateEntered", "stateEnteredEventDetails", d);
  }

  void stateExited(String type, String name, JsonNode output) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.set("output", output);
    add(type + "StateExited", "stateExitedEventDetails", d);
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
