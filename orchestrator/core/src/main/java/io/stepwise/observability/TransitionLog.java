package io.stepwise.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.CommittedTransition;

/**
 * One DEBUG line per committed transition: the execution ARN, the record (a branch's or
 * iteration's own key), the seq it committed, the state it is in and the event types it wrote.
 * Inputs and outputs only when the machine's logging configuration includes execution data.
 */
public final class TransitionLog {
  private TransitionLog() {}

  public static void write(JsonLog log, CommittedTransition t, boolean includeExecutionData) {
    if (!log.enabled(JsonLog.Level.DEBUG)) return;
    ObjectNode fields = Json.object();
    fields.put("executionArn", t.after().state().info().executionArn());
    if (!t.topLevel()) fields.put("record", t.after().key());
    fields.put("seq", t.after().seq());
    fields.put("state", t.after().state().currentState());
    fields.put("status", t.after().state().status().name());
    ArrayNode types = fields.putArray("events");
    ArrayNode data = includeExecutionData ? fields.putArray("data") : null;
    for (HistoryEvent event : t.events()) {
      types.add(event.type());
      if (data != null && event.payloadField() != null) {
        data.add(Json.object().put("id", event.id()).put(event.payloadField(), event.payload()));
      }
    }
    log.log(JsonLog.Level.DEBUG, "transition", fields);
  }
}
