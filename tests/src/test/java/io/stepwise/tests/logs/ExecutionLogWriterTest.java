package io.stepwise.tests.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.logs.ExecutionLogWriter;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.observability.LoggingConfiguration;
import io.stepwise.observability.LoggingConfiguration.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The execution log writer against CloudWatch Logs on moto_server, read back with FilterLogEvents. */
class ExecutionLogWriterTest {
  private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:orders:e-1";
  @RegisterExtension
  static final LogsOnMoto logs = new LogsOnMoto();

  private static List<HistoryEvent> history() {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    return List.of(
        new HistoryEvent(1, 0, "ExecutionStarted", t, "executionStartedEventDetails",
            Json.object().put("roleArn", "arn:aws:iam::123456789012:role/r").set("inputDetails", Json.object().put("truncated", false)),
            "input", "{\"order\":7}"),
        new HistoryEvent(2, 0, "PassStateEntered", t.plusMillis(1), "stateEnteredEventDetails",
            Json.object().put("name", "Check").set("inputDetails", Json.object().put("truncated", false)), "input", "{\"order\":7}"),
        new HistoryEvent(3, 2, "FailStateEntered", t.plusMillis(2), "stateEnteredEventDetails",
            Json.object().put("name", "Boom"), "input", "{}"),
        new HistoryEvent(4, 3, "ExecutionFailed", t.plusMillis(3), "executionFailedEventDetails",
            Json.object().put("error", "Oops").put("cause", "it broke")));
  }

  @Test
  void levelAll_writesEveryEvent_inStepFunctionsFormat_withoutDataUnlessAsked() {
    String arn = logs.createGroup("/aws/vendedlogs/states/all");
    List<String> problems = new ArrayList<>();
    ExecutionLogWriter writer = logs.writer(problems::add);
    assertEquals(4, writer.add(new LoggingConfiguration(Level.ALL, false, arn), "orders", EXECUTION, 0, history()));
    assertEquals(0, writer.flush(), problems.toString());

    List<JsonNode> lines = logs.messages("/aws/vendedlogs/states/all");
    assertEquals(List.of("ExecutionStarted", "PassStateEntered", "FailStateEntered", "ExecutionFailed"),
        lines.stream().map(l -> l.path("type").asText()).toList());
    assertEquals(Json.parse("""
        {"id": "2", "type": "PassStateEntered", "details": {"name": "Check"}, "previous_event_id": "0",
         "event_timestamp": "%d", "execution_arn": "%s", "redrive_count": "0"}"""
        .formatted(Instant.parse("2026-12-01T10:00:00.001Z").toEpochMilli(), EXECUTION)), lines.get(1));
    assertEquals(Json.parse("{\"error\": \"Oops\", \"cause\": \"it broke\"}"), lines.get(3).path("details"));
    List<String> streams = logs.streams("/aws/vendedlogs/states/all");
    assertEquals(1, streams.size(), streams.toString());
    assertTrue(streams.get(0).matches("states/orders/\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}/[0-9a-f]{32}"), streams.get(0));
  }

  @Test
  void includeExecutionData_addsTheInputsAndOutputs() {
    String arn = logs.createGroup("/aws/vendedlogs/states/data");
    ExecutionLogWriter writer = logs.writer(problem -> {});
    writer.add(new LoggingConfiguration(Level.ALL, true, arn), "orders", EXECUTION, 1, history());
    writer.flush();
    JsonNode started = logs.messages("/aws/vendedlogs/states/data").get(0);
    assertEquals("{\"order\":7}", started.path("details").path("input").asText());
    assertEquals(Json.parse("{\"truncated\": false}"), started.path("details").path("inputDetails"));
    assertEquals("1", started.path("redrive_count").asText());
  }

  @Test
  void errorAndFatal_writeOnlyTheirEvents() {
    String errors = logs.createGroup("/aws/vendedlogs/states/errors");
    String fatal = logs.createGroup("/aws/vendedlogs/states/fatal");
    ExecutionLogWriter writer = logs.writer(problem -> {});
    writer.add(new LoggingConfiguration(Level.ERROR, false, errors), "orders", EXECUTION, 0, history());
    writer.add(new LoggingConfiguration(Level.FATAL, false, fatal), "orders", EXECUTION, 0, history());
    assertEquals(0, writer.add(LoggingConfiguration.OFF, "orders", EXECUTION, 0, history()));
    writer.flush();
    assertEquals(List.of("FailStateEntered", "ExecutionFailed"),
        logs.messages("/aws/vendedlogs/states/errors").stream().map(l -> l.path("type").asText()).toList());
    assertEquals(List.of("ExecutionFailed"),
        logs.messages("/aws/vendedlogs/states/fatal").stream().map(l -> l.path("type").asText()).toList());
  }

  @Test
  void aMissingGroup_isReported_neverThrown_andTheStreamIsReusedOnceItExists() {
    String arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/later:*";
    List<String> problems = new ArrayList<>();
    ExecutionLogWriter writer = logs.writer(problems::add);
    writer.add(new LoggingConfiguration(Level.ALL, false, arn), "orders", EXECUTION, 0, history());
    assertEquals(4, writer.flush());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("ResourceNotFoundException"), problems.get(0));

    logs.createGroup("/aws/vendedlogs/states/later");
    writer.add(new LoggingConfiguration(Level.ALL, false, arn), "orders", EXECUTION, 0, history().subList(0, 2));
    assertEquals(0, writer.flush(), problems.toString());
    assertEquals(2, logs.messages("/aws/vendedlogs/states/later").size());
    assertFalse(logs.streams("/aws/vendedlogs/states/later").isEmpty());
  }
}
