package io.stepwise.tests.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.dynamodb.DynamoDbDocumentStore;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.json.Json;
import io.stepwise.lambda.Observability;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.observability.JsonLog;
import io.stepwise.observability.MachineLogging;
import io.stepwise.observability.StepMetrics;
import io.stepwise.runtime.Pause;
import io.stepwise.tests.LocalAws;
import io.stepwise.tests.api.ApiStack;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The orchestrator's observability on the Lambda runtime (the real step handler, ElasticMQ,
 * dynalite), driven through the Step Functions API: the EMF lines it writes per batch, its
 * DEBUG line per transition, and the execution logs it writes to CloudWatch Logs on moto_server.
 */
@ExtendWith(LocalAws.class)
class ObservabilityTest {
  private static final String TASK = "arn:aws:states:::lambda:invoke";
  private static final String OK = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "T"},
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": true}}}""";
  private static final String BAD = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "F"}, "F": {"Type": "Fail", "Error": "Bad", "Cause": "bad"}}}""";
  @RegisterExtension
  static final LogsOnMoto logs = new LogsOnMoto();
  private final List<String> emf = Collections.synchronizedList(new ArrayList<>());
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private LocalRuntime local;
  private LocalApiServer server;
  private SfnClient sfn;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    String name = LocalAws.uniqueName("obs");
    InstantSource clock = InstantSource.system();
    Observability observability = new Observability(new StepMetrics("StepwiseTest"), emf::add,
        new JsonLog(JsonLog.Level.DEBUG, lines::add, clock), new MachineLogging(new DynamoDbDocumentStore(dynamo, name), clock),
        logs.writer(problems::add), clock);
    local = LocalRuntime.start(dynamo, sqs, name, call -> TaskOutcome.success(Json.object().put("Payload", 1)),
        new LocalRuntime.Options(5, 5, 2, 10), observability);
    server = LocalApiServer.start(0, local.runtime());
    sfn = ApiStack.client(server.endpoint());
  }

  @AfterEach
  void stop() {
    try (LocalRuntime r = local; LocalApiServer s = server; SfnClient c = sfn) {
      // closed in reverse order
    }
  }

  private String machine(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ApiStack.ROLE)).stateMachineArn();
  }

  private String machine(String name, String definition, LogLevel level, boolean data, String groupArn) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ApiStack.ROLE)
        .loggingConfiguration(l -> l.level(level).includeExecutionData(data)
            .destinations(d -> d.cloudWatchLogsLogGroup(g -> g.logGroupArn(groupArn))))).stateMachineArn();
  }

  private String start(String machineArn, String name) {
    return sfn.startExecution(r -> r.stateMachineArn(machineArn).name(name).input("{\"n\": 1}")).executionArn();
  }

  private ExecutionStatus await(String executionArn) {
    return awaitValue(() -> sfn.describeExecution(r -> r.executionArn(executionArn)).status(),
        s -> s != ExecutionStatus.RUNNING, executionArn + " did not end");
  }

  private static <T> T awaitValue(Supplier<T> read, Predicate<T> done, String what) {
    long deadline = System.currentTimeMillis() + 30_000;
    T value = read.get();
    while (!done.test(value)) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError(what + ": " + value);
      Pause.millis(50);
      value = read.get();
    }
    return value;
  }

  /** The EMF lines' values by "Dimension=value/Metric", after checking each line is well formed. */
  private Map<String, List<Long>> metrics() {
    Map<String, List<Long>> values = new HashMap<>();
    for (String text : List.copyOf(emf)) {
      JsonNode line = Json.parse(text);
      JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
      assertEquals("StepwiseTest", directive.path("Namespace").asText(), text);
      String dimension = directive.path("Dimensions").path(0).path(0).asText("");
      assertTrue(dimension.isEmpty() || line.path(dimension).isTextual(), text);
      String where = dimension.isEmpty() ? "" : dimension + "=" + line.path(dimension).asText();
      for (JsonNode metric : directive.path("Metrics")) {
        JsonNode value = line.path(metric.path("Name").asText());
        assertFalse(value.isMissingNode(), metric + " has no value in " + text);
        List<Long> list = values.computeIfAbsent(where + "/" + metric.path("Name").asText(), k -> new ArrayList<>());
        if (value.isArray()) value.forEach(v -> list.add(v.asLong()));
        else list.add(value.asLong());
      }
    }
    return values;
  }

  private long sum(String key) {
    return metrics().getOrDefault(key, List.of()).stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void emfLines_countExecutionsByStatus_transitions_tasks_andMessages() {
    String ok = machine("ok", OK);
    String bad = machine("bad", BAD);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) runs.add(start(ok, "ok-" + i));
    runs.add(start(bad, "bad-0"));
    for (String run : runs) await(run);
    awaitValue(() -> sum("StateMachineArn=" + bad + "/ExecutionsFailed"), n -> n == 1, "the failed execution's metric");
    awaitValue(() -> sum("StateMachineArn=" + ok + "/ExecutionsSucceeded"), n -> n == 3, "the succeeded executions' metric");

    assertEquals(3, sum("StateMachineArn=" + ok + "/ExecutionsStarted"));
    assertEquals(1, sum("StateMachineArn=" + bad + "/ExecutionsStarted"));
    assertEquals(6, sum("StateMachineArn=" + ok + "/StateTransitions"));
    assertEquals(2, sum("StateMachineArn=" + bad + "/StateTransitions"));
    assertEquals(3, metrics().get("StateMachineArn=" + ok + "/ExecutionTime").size());
    assertEquals(3, sum("ServiceIntegrationResourceArn=" + TASK + "/ServiceIntegrationsScheduled"));
    assertEquals(3, sum("ServiceIntegrationResourceArn=" + TASK + "/ServiceIntegrationsSucceeded"));
    assertEquals(3, metrics().get("ServiceIntegrationResourceArn=" + TASK + "/ServiceIntegrationTime").size());
    long messages = sum("/StepMessages");
    assertTrue(messages >= 4, "each execution's first message at least: " + messages);
    assertEquals(messages, metrics().get("/StepMessageAge").size());
  }

  @Test
  void debugLines_oneJsonLinePerTransition_withTheArnSeqStateAndEventTypes_butNoData() {
    String ok = machine("ok", OK);
    String run = start(ok, "one");
    await(run);
    List<JsonNode> transitions = awaitValue(() -> lines.stream().map(Json::parse)
        .filter(l -> l.path("message").asText().equals("transition") && l.path("executionArn").asText().equals(run)).toList(),
        l -> l.stream().anyMatch(t -> t.path("status").asText().equals("SUCCEEDED")), "the last transition's line");
    List<Long> seqs = transitions.stream().map(t -> t.path("seq").asLong()).sorted().toList();
    assertEquals(1L, seqs.get(0));
    for (int i = 1; i < seqs.size(); i++) assertEquals(seqs.get(i - 1) + 1, seqs.get(i), seqs.toString());
    List<String> types = new ArrayList<>();
    for (JsonNode t : transitions) {
      assertEquals("DEBUG", t.path("level").asText());
      assertFalse(t.has("data"), "no payloads without includeExecutionData: " + t);
      t.path("events").forEach(e -> types.add(e.asText()));
    }
    List<String> history = sfn.getExecutionHistory(r -> r.executionArn(run)).events().stream().map(HistoryEvent::typeAsString).toList();
    assertEquals(history, types);
  }

  @Test
  void loggingConfiguration_writesTheHistoryToTheNamedGroup_inStepFunctionsFormat() {
    String allGroup = logs.createGroup(LocalAws.uniqueName("/aws/vendedlogs/states/all"));
    String errorGroup = logs.createGroup(LocalAws.uniqueName("/aws/vendedlogs/states/errors"));
    String ok = machine("logged", OK, LogLevel.ALL, true, allGroup);
    String bad = machine("errors", BAD, LogLevel.ERROR, false, errorGroup);
    String good = start(ok, "good");
    String failed = start(bad, "failed");
    assertEquals(ExecutionStatus.SUCCEEDED, await(good));
    assertEquals(ExecutionStatus.FAILED, await(failed));

    String allName = name(allGroup);
    List<JsonNode> written = awaitValue(() -> logs.messages(allName),
        l -> l.stream().anyMatch(e -> e.path("type").asText().equals("ExecutionSucceeded")), "ExecutionSucceeded in " + allName);
    List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(good)).events();
    assertEquals(history.stream().map(e -> e.id() + " " + e.typeAsString()).toList(),
        written.stream().map(e -> e.path("id").asText() + " " + e.path("type").asText()).toList());
    for (JsonNode event : written) assertEquals(good, event.path("execution_arn").asText());
    assertEquals(Json.parse("{\"n\": 1}"), Json.parse(written.get(0).path("details").path("input").asText()), written.get(0).toString());

    String errorName = name(errorGroup);
    List<JsonNode> errors = awaitValue(() -> logs.messages(errorName), l -> l.size() >= 2, "the errors in " + errorName);
    assertEquals(List.of("FailStateEntered", "ExecutionFailed"), errors.stream().map(e -> e.path("type").asText()).toList());
    assertEquals(Json.parse("{\"error\": \"Bad\", \"cause\": \"bad\"}"), errors.get(1).path("details"));
    assertEquals(List.of(), problems);
  }

  private static String name(String groupArn) {
    String name = groupArn.substring(groupArn.indexOf(":log-group:") + ":log-group:".length());
    return name.substring(0, name.length() - 2);
  }
}
