package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.local.stack.LocalStack;
import io.stepwise.tests.AwsCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Users' own SAM and CloudFormation templates, as they wrote them, on {@code ./stepwise local}. */
class UserTemplatesLocalTest {
  private static final Set<String> SEED_OUTCOMES = Set.of("\"Invocation succeeded!\"",
      "\"The function returned an error.\"", "\"Invocation failed.\"");

  @Test
  void givenTheAwsPagesTemplateAsWritten_whenRunLocally_thenTheMachineRunsFromTheCliAndOnItsSchedule() throws Exception {
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI (aws) is not on the PATH");
    Path template = StackFixtures.repoRoot().resolve("examples/random-error/template.yml");
    // rate(1 minute) x 0.01 = a firing every 0.6 s.
    try (LocalStack stack = LocalStack.start(List.of(template), 0, StackFixtures.QUIET.withScheduleTimeScale(0.01));
        SfnClient sfn = StackFixtures.sfn(stack.endpoints().api())) {
      String machine = stack.stateMachines().get("statemachine");
      assertEquals("rate(1 minute)", stack.schedules().get("statemachinescheduled"));
      assertEquals("STANDARD", sfn.describeStateMachine(r -> r.stateMachineArn(machine)).typeAsString());

      AwsCli.Result started = new AwsCli().run("stepfunctions", stack.endpoints().api().toString(),
          "start-execution", "--state-machine-arn", machine, "--name", "from-the-cli");
      assertEquals(0, started.exit(), started.err());
      String execution = Json.parse(started.out()).get("executionArn").asText();
      DescribeExecutionResponse done = awaitDone(sfn, execution);
      assertEquals(ExecutionStatus.SUCCEEDED, done.status());
      assertTrue(SEED_OUTCOMES.contains(done.output()), done.output());

      StackFixtures.await("two executions the schedule started to end", Duration.ofSeconds(60), () ->
          sfn.listExecutions(r -> r.stateMachineArn(machine)).executions().stream()
              .filter(e -> !e.name().equals("from-the-cli") && e.status() == ExecutionStatus.SUCCEEDED).count() >= 2);
    }
  }

  @Test
  void givenStepwisesStackAndAnApplicationStack_whenRunTogether_thenEveryMachineAndEventSourceWorks() throws Exception {
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI (aws) is not on the PATH");
    Path app = StackFixtures.repoRoot().resolve("tests/src/test/resources/user-templates/orders-app.yml");
    List<String> log = new CopyOnWriteArrayList<>();
    try (LocalStack stack = LocalStack.start(List.of(StackFixtures.template(), app), 0,
            StackFixtures.QUIET.withLog(log::add).withScheduleTimeScale(0.001));
        SfnClient sfn = StackFixtures.sfn(stack.endpoints().api())) {
      assertTrue(stack.stateMachines().containsKey("RandomErrorStateMachine"), stack.stateMachines().toString());
      String orders = stack.stateMachines().get("OrderFlow");
      String audit = stack.stateMachines().get("Audit");
      assertEquals("orders-dev", sfn.describeStateMachine(r -> r.stateMachineArn(orders)).name());
      assertFalse(stack.schedules().containsKey("OrderFlowNightly"), "a DISABLED ScheduleV2 does not run");
      assertTrue(log.contains("not honoured locally: Resources.OrderFlow.Properties.PermissionsBoundary"), log.toString());
      assertTrue(log.stream().anyMatch(line -> line.startsWith("role of OrderFlow (") && line.contains("lambda:InvokeFunction")),
          log.toString());

      // DefinitionString with Fn::Sub, its numbers kept.
      String auditRun = sfn.startExecution(r -> r.stateMachineArn(audit)).executionArn();
      assertEquals(Json.parse("{\"stage\": \"dev\", \"n\": 3}"), Json.parse(awaitDone(sfn, auditRun).output()));

      // The Api event: the request body is the input.
      String url = stack.apiEvents().get(0);
      assertTrue(url.startsWith("POST http://127.0.0.1:") && url.endsWith("/orders"), url);
      HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.substring(5)))
          .POST(HttpRequest.BodyPublishers.ofString("{\"total\": 150}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, posted.statusCode(), posted.body());
      JsonNode web = Json.parse(awaitDone(sfn, Json.parse(posted.body()).get("executionArn").asText()).output());
      assertEquals("large", web.get("size").asText());
      assertEquals("hello", web.get("greeting").asText());

      // The EventBridgeRule: an event put with the AWS CLI starts an execution with its detail (InputPath).
      AwsCli.Result put = new AwsCli().run("events", stack.endpoints().events().toString(), "put-events", "--entries",
          "[{\"Source\": \"shop.orders\", \"DetailType\": \"OrderPlaced\", \"Detail\": \"{\\\"total\\\": 5}\"},"
              + " {\"Source\": \"shop.returns\", \"DetailType\": \"OrderPlaced\", \"Detail\": \"{}\"}]");
      assertEquals(0, put.exit(), put.err());
      assertEquals(0, Json.parse(put.out()).get("FailedEntryCount").asInt());
      StackFixtures.await("the rule's execution", Duration.ofSeconds(30), () -> executions(sfn, orders).size() == 2);
      ExecutionListItem fromEvent = executions(sfn, orders).stream()
          .filter(e -> !e.executionArn().equals(Json.parse(posted.body()).get("executionArn").asText()))
          .findFirst().orElseThrow();
      JsonNode ruled = Json.parse(awaitDone(sfn, fromEvent.executionArn()).output());
      assertEquals(Json.parse("{\"total\": 5}"), ruled.get("order"));
      assertEquals("small", ruled.get("size").asText());

      // An events:putEvents task puts its event on the same bus: the rule starts OrderFlow again.
      String publisher = stack.stateMachines().get("Publisher");
      DescribeExecutionResponse published = awaitDone(sfn, sfn.startExecution(r -> r.stateMachineArn(publisher)).executionArn());
      assertEquals(ExecutionStatus.SUCCEEDED, published.status(), published.cause());
      assertEquals(0, Json.parse(published.output()).get("FailedEntryCount").asInt(), published.output());
      StackFixtures.await("the published event's execution", Duration.ofSeconds(30), () -> executions(sfn, orders).size() == 3);
      JsonNode fromTask = Json.parse(awaitDone(sfn, executions(sfn, orders).get(0).executionArn()).output());
      assertEquals(Json.parse("{\"total\": 7, \"from\": \"publisher\"}"), fromTask.get("order"));
    }
  }

  private static List<ExecutionListItem> executions(SfnClient sfn, String machine) {
    return sfn.listExecutions(r -> r.stateMachineArn(machine)).executions();
  }

  private static DescribeExecutionResponse awaitDone(SfnClient sfn, String execution) {
    StackFixtures.await(execution + " to end", Duration.ofSeconds(30), () ->
        sfn.describeExecution(r -> r.executionArn(execution)).status() != ExecutionStatus.RUNNING);
    return sfn.describeExecution(r -> r.executionArn(execution));
  }
}
