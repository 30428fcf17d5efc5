package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.local.events.LocalEventBus;
import io.stepwise.local.events.LocalEventsServer;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * events:putEvents on the Lambda runtime against the local EventBridge, as AWS's
 * test_events_task_service recorded it: refused entries fail the task with EventBridge.FailedEntry,
 * put ones reach the bus's rules with the machine's and the execution's ARNs in their resources.
 */
@ExtendWith(LocalAws.class)
class LocalEventsTest {
  private final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
  private LocalEventsServer events;
  private LocalRuntime local;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
    LocalEventBus bus = new LocalEventBus(servers.region().id(), "123456789012", message -> { });
    bus.add(new LocalEventBus.Rule("all", "default", Json.parse("{\"source\": [\"shop\"]}"), delivered::add));
    events = LocalEventsServer.start(bus);
    String name = LocalAws.uniqueName("events");
    local = LocalRuntime.start(dynamo, sqs, name,
        LocalIntegrations.invoker(Map.of("eventbridge", events.endpoint()), null,
            servers.region().id(), name),
        new LocalRuntime.Options(10, 5, 2, 10));
  }

  @AfterEach
  void stop() {
    local.close();
    events.close();
  }

  private ExecutionState run(String entries) {
    return ExecutionFixtures.run(local.runtime(), LocalAws.uniqueName("m"), """
        {"StartAt": "Put", "States": {"Put": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
          "Parameters": {"Entries": %s}, "End": true}}}""".formatted(entries), "{}", Duration.ofSeconds(30));
  }

  @Test
  void anEntryWithoutSource_failsTheTask_whileTheOthersArePut() {
    ExecutionState end = run("""
        [{"Source": "shop", "DetailType": "Order", "Detail": {"n": 1}}, {"DetailType": "Order", "Detail": {"n": 2}}]""");
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("EventBridge.FailedEntry", end.error(), end.cause());
    JsonNode cause = Json.parse(end.cause());
    assertEquals(1, cause.path("FailedEntryCount").asInt(), end.cause());
    assertFalse(cause.path("Entries").path(0).path("EventId").asText().isEmpty(), end.cause());
    assertEquals(Json.parse("{\"ErrorCode\": \"InvalidArgument\", "
        + "\"ErrorMessage\": \"Parameter Source is not valid. Reason: Source is a required argument.\"}"),
        cause.path("Entries").path(1));
    assertEquals(1, delivered.size(), delivered.toString());
  }

  @Test
  void aDetailThatIsNoJsonObject_isMalformed() {
    ExecutionState end = run("""
        [{"Source": "shop", "DetailType": "Order", "Detail": "\\"jsonstring\\""}]""");
    assertEquals("EventBridge.FailedEntry", end.error(), end.cause());
    assertEquals(Json.parse("{\"Entries\": [{\"ErrorCode\": \"MalformedDetail\", \"ErrorMessage\": \"Detail is malformed.\"}],"
        + " \"FailedEntryCount\": 1}"), Json.parse(end.cause()));
    assertEquals(List.of(), delivered);
  }

  @Test
  void aPutEvent_namesTheStateMachineAndTheExecution_afterItsOwnResources() {
    ExecutionState end = run("""
        [{"Source": "shop", "DetailType": "Order", "Detail": {"n": 1}, "Resources": ["arn:aws:s3:::orders"]}]""");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
    assertEquals(1, delivered.size(), delivered.toString());
    assertEquals(Json.array().add("arn:aws:s3:::orders").add(end.info().stateMachineArn()).add(end.info().executionArn()),
        delivered.get(0).get("resources"));
  }
}
