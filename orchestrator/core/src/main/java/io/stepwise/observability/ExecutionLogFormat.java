package io.stepwise.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;

/**
 * One history event as Step Functions writes it to CloudWatch Logs: {@code id},
 * {@code type}, {@code details} (the event's details member, its input or output only when the
 * configuration includes execution data), {@code previous_event_id}, {@code event_timestamp}
 * (epoch milliseconds), {@code execution_arn} and {@code redrive_count}; numbers as strings.
 */
public final class ExecutionLogFormat {
  /** Step Functions truncates a payload in a log event beyond 248 KB (CloudWatch Logs' event limit). */
  static final int MAX_PAYLOAD_CHARS = 248 * 1024;

  private ExecutionLogFormat() {}

  public static String line(HistoryEvent event, String executionArn, int redriveCount, boolean includeExecutionData) {
    ObjectNode details = Json.object();
    if (event.details() != null) details.setAll((ObjectNode) event.details().deepCopy());
    if (includeExecutionData && event.payloadField() != null) {
      String payload = event.payload();
      boolean truncated = payload.length() > MAX_PAYLOAD_CHARS;
      details.put(event.payloadField(), truncated ? payload.substring(0, MAX_PAYLOAD_CHARS) : payload);
      if (truncated) details.set(event.payloadField() + "Details", Json.object().put("truncated", true));
    } else {
      // Without the data, its *Details member (truncated: false) says nothing either.
      details.remove("inputDetails");
      details.remove("outputDetails");
      details.remove("parametersDetails");
    }
    ObjectNode line = Json.object();
    line.put("id", Long.toString(event.id()));
    line.put("type", event.type());
    line.set("details", details);
    line.put("previous_event_id", Long.toString(event.previousEventId()));
    line.put("event_timestamp", Long.toString(event.timestamp().toEpochMilli()));
    line.put("execution_arn", executionArn);
    line.put("redrive_count", Integer.toString(redriveCount));
    return Json.write(line);
  }
}
