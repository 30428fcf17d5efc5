package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.json.Json;
import io.stepwise.lambda.deploy.HttpResponseSender;
import io.stepwise.lambda.deploy.StateMachineResource;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.tests.LocalAws;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The custom resource handler end to end: CloudFormation's event in, the response PUT to a local
 * HTTP server standing in for the pre-signed ResponseURL, the definition stored in dynalite.
 */
@ExtendWith(LocalAws.class)
class StateMachineResourceOnDynaliteTest {
  private static final String ARN = StateMachineDeployerTest.ARN;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<JsonNode> responses = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String responseUrl;

  @BeforeEach
  void startResponseServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " type="
          + exchange.getRequestHeaders().getFirst("Content-Type"));
      responses.add(Json.mapper().readTree(exchange.getRequestBody()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    responseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/cfn-response/abc?X-Amz-Signature=s";
  }

  @AfterEach
  void stopResponseServer() {
    server.stop(0);
  }

  private StateMachineStore newTable(DynamoDbClient dynamo) {
    String table = LocalAws.uniqueName("machines");
    Table.ensureActive(dynamo, table);
    return new DynamoDbStateMachineStore(dynamo, table);
  }

  private JsonNode invoke(StateMachineResource handler, ObjectNode event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
    assertEquals(Json.parse(out.toString(StandardCharsets.UTF_8)), responses.get(responses.size() - 1));
    return responses.get(responses.size() - 1);
  }

  private ObjectNode event(String type, String physicalId, JsonNode properties) {
    return CloudFormationEvents.event(type, physicalId, properties, responseUrl);
  }

  @Test
  void givenSeed_whenCreatedUpdatedAndDeleted_thenEachResponseIsPutAndTheDefinitionIsStored(DynamoDbClient dynamo)
      throws Exception {
    StateMachineStore store = newTable(dynamo);
    var handler = new StateMachineResource(() -> store, new HttpResponseSender());
    ObjectNode seed = StateMachineDeployerTest.seedProperties();

    JsonNode created = invoke(handler, event("Create", null, seed));
    JsonNode updated = invoke(handler, event("Update", ARN, seed));
    JsonNode deleted = invoke(handler, event("Delete", ARN, seed));

    assertEquals("SUCCESS", created.get("Status").textValue(), created.toString());
    assertEquals(ARN, created.get("PhysicalResourceId").textValue());
    assertEquals(ARN, created.at("/Data/Arn").textValue());
    assertEquals("1", updated.at("/Data/Version").textValue());
    assertEquals("SUCCESS", deleted.get("Status").textValue());
    assertEquals(List.of("PUT /cfn-response/abc?X-Amz-Signature=s type=null"), requests.stream().distinct().toList());
    JsonNode stored = Json.parse(store.latest(ARN).orElseThrow().definition());
    assertEquals(5, stored.at("/States/Invoke/Parameters/Payload/max-depth").intValue());
  }

  @Test
  void givenInvalidDefinition_whenCreated_thenFailedResponseListsEveryProblem(DynamoDbClient dynamo) throws Exception {
    StateMachineStore store = newTable(dynamo);
    ObjectNode properties = StateMachineDeployerTest.properties(
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}, \"C\": {\"Type\": \"Nope\"}}}");

    JsonNode response = invoke(new StateMachineResource(() -> store, new HttpResponseSender()),
        event("Create", null, properties));

    assertEquals("FAILED", response.get("Status").textValue());
    String reason = response.get("Reason").textValue();
    assertTrue(reason.contains("/States/A/Next") && reason.contains("/States/C"), reason);
    assertNull(response.get("Data"));
  }

  @Test
  void givenStoreThatCannotBeBuilt_whenCreated_thenFailedResponseIsStillSent() throws Exception {
    var handler = new StateMachineResource(() -> {
      throw new IllegalStateException("environment variable STEPWISE_TABLE is not set");
    }, new HttpResponseSender());

    JsonNode response = invoke(handler, event("Create", null, StateMachineDeployerTest.seedProperties()));

    assertEquals("FAILED", response.get("Status").textValue());
    String reason = response.get("Reason").textValue();
    assertEquals("Create failed: environment variable STEPWISE_TABLE is not set", reason);
  }

  @Test
  void givenStoreThatHangs_whenCreated_thenFailedResponseWithinTheBudget() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    var handler = new StateMachineResource(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("interrupted");
    }, new HttpResponseSender(), Duration.ofMillis(300));

    JsonNode response = invoke(handler, event("Create", null, StateMachineDeployerTest.seedProperties()));

    assertEquals("FAILED", response.get("Status").textValue());
    assertTrue(response.get("Reason").textValue().contains("did not finish within 0.3 s"), response.toString());
  }

  @Test
  void givenResponseUrlRejectsThePut_whenSent_thenTheHandlerFailsLoudly() {
    server.removeContext("/");
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(403, -1);
      exchange.close();
    });
    var sender = new HttpResponseSender(Duration.ofSeconds(2), Duration.ofMillis(10));

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> sender.send(responseUrl, "{}"));

    assertTrue(failure.getMessage().contains("403"), failure.getMessage());
  }
}
