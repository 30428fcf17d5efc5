package io.stepwise.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.observability.LoggingConfiguration.Level;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecutionLogFormatTest {
  private static final String ARN = "arn:aws:states:eu-west-1:123456789012:execution:m:e";

  private static HistoryEvent exited(String output) {
    return new HistoryEvent(3, 2, "PassStateExited", Instant.ofEpochMilli(1_700_000_000_123L), "stateExitedEventDetails",
        Json.object().put("name", "P").set("outputDetails", Json.object().put("truncated", false)), "output", output);
  }

  @Test
  void withoutData_theDetailsKeepTheirSmallMembersOnly() {
    JsonNode line = Json.parse(ExecutionLogFormat.line(exited("{\"a\":1}"), ARN, 2, false));
    assertEquals(Json.parse("""
        {"id": "3", "type": "PassStateExited", "details": {"name": "P"}, "previous_event_id": "2",
         "event_timestamp": "1700000000123", "execution_arn": "%s", "redrive_count": "2"}""".formatted(ARN)), line);
  }

  @Test
  void withData_thePayloadIsText_andAHugeOneIsTruncated() {
    JsonNode small = Json.parse(ExecutionLogFormat.line(exited("{\"a\":1}"), ARN, 0, true)).path("details");
    assertEquals("{\"a\":1}", small.path("output").asText());
    assertFalse(small.path("outputDetails").path("truncated").asBoolean());
    String huge = "\"" + "x".repeat(ExecutionLogFormat.MAX_PAYLOAD_CHARS + 10) + "\"";
    JsonNode cut = Json.parse(ExecutionLogFormat.line(exited(huge), ARN, 0, true)).path("details");
    assertEquals(ExecutionLogFormat.MAX_PAYLOAD_CHARS, cut.path("output").asText().length());
    assertTrue(cut.path("outputDetails").path("truncated").asBoolean());
  }

  @Test
  void configuration_readsTheStoredMember_andOffWithoutADestination() {
    LoggingConfiguration config = LoggingConfiguration.of(Json.parse("""
        {"level": "ERROR", "includeExecutionData": true, "destinations": [{"cloudWatchLogsLogGroup":
          {"logGroupArn": "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/states/x:*"}}]}"""));
    assertEquals(Level.ERROR, config.level());
    assertTrue(config.includeExecutionData());
    assertEquals("/aws/vendedlogs/states/x", config.logGroupName());
    assertEquals("eu-west-1", config.region());
    assertEquals(LoggingConfiguration.OFF, LoggingConfiguration.of(Json.parse("{\"level\": \"OFF\"}")));
    assertEquals(LoggingConfiguration.OFF, LoggingConfiguration.of(null));
  }

  @Test
  void levels_admitWhatTheDocsList() {
    assertTrue(Level.ALL.admits("PassStateEntered"));
    assertFalse(Level.ERROR.admits("PassStateEntered"));
    assertTrue(Level.ERROR.admits("TaskFailed"));
    assertFalse(Level.FATAL.admits("TaskFailed"));
    assertTrue(Level.FATAL.admits("ExecutionTimedOut"));
    assertFalse(Level.OFF.admits("ExecutionFailed"));
  }
}
