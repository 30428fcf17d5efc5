package io.stepwise.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.Event;
import io.stepwise.json.Json;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepWorker;
import io.stepwise.runtime.memory.InMemoryExecutionStore;
import io.stepwise.runtime.memory.InMemoryJoinStore;
import io.stepwise.runtime.memory.InMemoryStateMachineStore;
import io.stepwise.runtime.memory.InMemoryTokenStore;
import io.stepwise.runtime.memory.VirtualTimeQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Step Functions' metrics from the worker's committed transitions, on the in-memory runtime, as EMF lines. */
class StepMetricsTest {
  private static final String ACCOUNT = "arn:aws:states:us-east-1:000000000000:";
  private final VirtualTimeQueue queue = new VirtualTimeQueue(Instant.parse("2026-01-01T00:00:00Z"), 5, Duration.ofSeconds(60));
  private final InMemoryExecutionStore store = new InMemoryExecutionStore();
  private final StateMachines machines = new StateMachines(new InMemoryStateMachineStore());
  private final StepMetrics metrics = new StepMetrics("Test");
  private final StepWorker worker = new StepWorker(store, new InMemoryTokenStore(), new InMemoryJoinStore(), machines, queue,
      call -> { queue.advance(Duration.ofMillis(40)); return TaskOutcome.success(Json.object().put("ok", true)); },
      new Engine(Entropy.secure()), queue, Duration.ofSeconds(30), millis -> queue.advance(Duration.ofMillis(millis)), metrics::record);
  private final Executions executions = new Executions(store, machines, queue, queue);

  private String machine(String name, String definition) {
    String arn = ACCOUNT + "stateMachine:" + name;
    machines.store().put(new StateMachineStore.StateMachineRecord(arn, name, 0, definition, "role", "STANDARD"));
    return arn;
  }

  private void runAll() {
    for (Optional<VirtualTimeQueue.Delivery> d = queue.receive(); d.isPresent(); d = queue.receive()) {
      worker.process(d.get().message(), d.get().receiptId());
      queue.ack(d.get());
    }
  }

  /** Each line's metrics by "dimension=value/Metric": counts summed, durations' values listed. */
  private static Map<String, List<Long>> parse(List<String> lines) {
    Map<String, List<Long>> values = new HashMap<>();
    for (String text : lines) {
      JsonNode line = Json.parse(text);
      JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
      assertEquals("Test", directive.path("Namespace").asText(), text);
      assertTrue(line.path("_aws").path("Timestamp").isIntegralNumber(), text);
      String dimension = directive.path("Dimensions").path(0).path(0).asText("");
      String where = dimension.isEmpty() ? "" : dimension + "=" + line.path(dimension).asText();
      for (JsonNode metric : directive.path("Metrics")) {
        JsonNode value = line.get(metric.path("Name").asText());
        assertTrue(value != null, "no value for " + metric + " in " + text);
        List<Long> list = values.computeIfAbsent(where + "/" + metric.path("Name").asText(), k -> new ArrayList<>());
        if (value.isArray()) value.forEach(v -> list.add(v.asLong()));
        else list.add(value.asLong());
      }
    }
    return values;
  }

  private static long sum(Map<String, List<Long>> values, String key) {
    return values.getOrDefault(key, List.of()).stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void executionsByStatus_transitions_andTaskTimes_perMachineAndResource() {
    String ok = machine("ok", """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "T"},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": true}}}""");
    String bad = machine("bad", "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"E\"}}}");
    String slow = machine("slow", "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");
    executions.start(ok, "a", "{}");
    executions.start(ok, "b", "{}");
    executions.start(bad, "c", "{}");
    String stopped = executions.start(slow, "d", "{}").executionArn();
    for (int i = 0; i < 3; i++) {
      queue.receive().ifPresent(d -> { worker.process(d.message(), d.receiptId()); queue.ack(d); });
    }
    worker.applyNow(stopped, new Event.Stop("Stopped", "by the test"));
    runAll();

    Map<String, List<Long>> m = parse(metrics.drain(queue.instant()));
    String okDim = "StateMachineArn=" + ok + "/";
    assertEquals(2, sum(m, okDim + "ExecutionsStarted"));
    assertEquals(2, sum(m, okDim + "ExecutionsSucceeded"));
    assertEquals(4, sum(m, okDim + "StateTransitions")); // P and T, twice
    assertEquals(2, m.get(okDim + "ExecutionTime").size());
    assertEquals(1, sum(m, "StateMachineArn=" + bad + "/ExecutionsFailed"));
    assertEquals(1, sum(m, "StateMachineArn=" + slow + "/ExecutionsAborted"));
    String lambda = "ServiceIntegrationResourceArn=arn:aws:states:::lambda:invoke/";
    assertEquals(2, sum(m, lambda + "ServiceIntegrationsScheduled"));
    assertEquals(2, sum(m, lambda + "ServiceIntegrationsSucceeded"));
    assertEquals(List.of(40L, 40L), m.get(lambda + "ServiceIntegrationTime"));
    assertEquals(List.of(40L, 40L), m.get(lambda + "ServiceIntegrationRunTime"));
    assertEquals(List.of(), metrics.drain(queue.instant()), "a drain forgets what it wrote");
  }

  @Test
  void machineLines_alsoRollUpWithoutTheDimension_andBatchLinesHaveNone() {
    String ok = machine("ok", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    executions.start(ok, "a", "{}");
    runAll();
    metrics.messageHandled(1200);
    metrics.messageHandled(30);
    metrics.logEventsFailed(3);
    List<String> lines = metrics.drain(queue.instant());
    JsonNode machine = Json.parse(lines.get(0));
    assertEquals(Json.parse("[[\"StateMachineArn\"], []]"), machine.path("_aws").path("CloudWatchMetrics").path(0).path("Dimensions"));
    JsonNode batch = Json.parse(lines.get(1));
    assertEquals(Json.parse("[[]]"), batch.path("_aws").path("CloudWatchMetrics").path(0).path("Dimensions"));
    assertEquals(2, batch.path("StepMessages").asInt());
    assertEquals(Json.parse("[1200, 30]"), batch.path("StepMessageAge"));
    assertEquals(3, batch.path("ExecutionLogEventsFailed").asInt());
  }

  @Test
  void durations_splitIntoDocumentsOfAHundredValues() {
    MetricGroup group = new MetricGroup("StateMachineArn", "m", false);
    for (int i = 0; i < 250; i++) group.duration("ExecutionTime", i);
    group.count("ExecutionsSucceeded", 250);
    List<String> lines = group.emf("Test", 0);
    assertEquals(3, lines.size());
    assertEquals(100, Json.parse(lines.get(0)).path("ExecutionTime").size());
    assertEquals(250, Json.parse(lines.get(0)).path("ExecutionsSucceeded").asInt());
    assertTrue(Json.parse(lines.get(1)).path("ExecutionsSucceeded").isMissingNode());
    assertEquals(50, Json.parse(lines.get(2)).path("ExecutionTime").size());
  }
}
