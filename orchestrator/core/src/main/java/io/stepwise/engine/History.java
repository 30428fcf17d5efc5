package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.StateEvents;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Appends the history events of one step, numbering and linking them as Step Functions does.
 * Each event's previousEventId is the event that led to it (the cursor), not always the one just
 * before: ExecutionStarted and the Succeeded events of a Map, a Parallel or an iteration are
 * written aside, so what follows them links to what came before them.
 */
final class History {
  /** {@code {"truncated": false}}: Stepwise never truncates payloads in history. */
  static final JsonNode NOT_TRUNCATED = Json.object().put("truncated", false);

  // Most steps add two events (a state entered and exited): room for them without the default ten.
  private final List<HistoryEvent> events = new ArrayList<>(2);
  private final Instant now;
  private long lastId;
  private long cursor;
  private long enteredPrevious = -1;

  History(long lastId, long cursor, Instant now) {
    this.lastId = lastId;
    this.cursor = cursor;
    this.now = now;
  }

  long add(String type, String detailsKey, JsonNode details) {
    return add(type, detailsKey, details, null, null);
  }

  /** An event whose details carry a JSON payload ({@code input}, {@code output}, {@code parameters}). */
  long add(String type, String detailsKey, JsonNode details, String payloadField, String payload) {
    return add(type, detailsKey, details, payloadField, payload, null);
  }

  private long add(String type, String detailsKey, JsonNode details, String payloadField, String payload,
      String detailsText) {
    long id = ++lastId;
    events.add(new HistoryEvent(id, cursor, type, now, detailsKey, details, payloadField, payload, detailsText));
    cursor = id;
    return id;
  }

  long add(String type) {
    return add(type, null, null);
  }

  /** An event linked to the cursor that leaves the cursor where it was. */
  long aside(String type, String detailsKey, JsonNode details, String payloadField, String payload) {
    long id = ++lastId;
    events.add(new HistoryEvent(id, cursor, type, now, detailsKey, details, payloadField, payload));
    return id;
  }

  long aside(String type) {
    return aside(type, null, null, null, null);
  }

  /** A child's event, renumbered into this history: its own time, linked to {@code previous}. */
  long copy(HistoryEvent event, long previous) {
    long id = ++lastId;
    events.add(new HistoryEvent(id, previous, event.type(), event.timestamp(), event.detailsKey(), event.details(),
        event.payloadField(), event.payload(), event.detailsText()));
    return id;
  }

  /** An event written now, linked to {@code previous}, leaving the cursor alone. */
  long linked(String type, String detailsKey, JsonNode details, long previous) {
    long id = ++lastId;
    events.add(new HistoryEvent(id, previous, type, now, detailsKey, details, null, null));
    return id;
  }

  /** What follows links to {@code id}. */
  void moveCursor(long id) {
    cursor = id;
  }

  /** Payloads are JSON text, as GetExecutionHistory returns them. */
  long stateEntered(StateEvents e, String inputJson) {
    enteredPrevious = cursor;
    return add(e.enteredType(), "stateEnteredEventDetails", e.enteredDetails(), "input", inputJson, e.enteredText());
  }

  void stateExited(StateEvents e, String outputJson) {
    add(e.exitedType(), "stateExitedEventDetails", e.exitedDetails(), "output", outputJson, e.exitedText());
  }

  void failed(String type, String detailsKey, String error, String cause) {
    add(type, detailsKey, errorDetails(error, cause));
  }

  /**
   * EvaluationFailed: an expression of the state failed. Step Functions links it to the event
   * before the state's entered event when it fails as the state is entered ({@code beforeEntered},
   * as a Map's Items does), else to the latest event (a Wait's Timestamp links to WaitStateEntered).
   */
  void evaluationFailed(String state, String error, String cause, boolean beforeEntered) {
    ObjectNode d = errorDetails(error, cause);
    d.put("state", state);
    if (beforeEntered && enteredPrevious >= 0) cursor = enteredPrevious;
    add("EvaluationFailed", "evaluationFailedEventDetails", d);
  }

  private static ObjectNode errorDetails(String error, String cause) {
    ObjectNode d = Json.object();
    if (error != null) d.put("error", error);
    if (cause != null) d.put("cause", cause);
    return d;
  }

  long lastId() {
    return lastId;
  }

  long cursor() {
    return cursor;
  }

  Instant now() {
    return now;
  }

  /** The events added, read-only: a transition's history is read once, when it is decided. */
  List<HistoryEvent> events() {
    return Collections.unmodifiableList(events);
  }
}
