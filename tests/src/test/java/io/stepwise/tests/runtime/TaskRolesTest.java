package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.eval.ErrorNames;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Task calls run as the state machine's role, assumed through STS on moto_server (the Lambda
 * runtime, ElasticMQ and dynalite as everywhere): STS's own GetCallerIdentity, called as an
 * {@code aws-sdk} Task, names who signed it. When STS refuses, the Task fails; it never falls
 * back to the orchestrator's own keys.
 */
@ExtendWith(LocalAws.class)
class TaskRolesTest {
  private static final String MACHINE_ROLE = "arn:aws:iam::123456789012:role/orders-machine";
  private static final String OTHER_ROLE = "arn:aws:iam::123456789012:role/reports-reader";
  private static final String WHO_AM_I = """
      {"StartAt": "Who", "States": {"Who": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sts:getCallerIdentity",
        "Parameters": {},
        %s "End": true}}}""";
  private static MotoServer moto;
  /** A moto that checks every request's keys: it knows none, so STS refuses the orchestrator's. */
  private static MotoServer checkingMoto;

  @BeforeAll
  static void startMoto() {
    assumeTrue(MotoServer.locate().isPresent(), "moto_server is not installed (pip install 'moto[server]'): skipped");
    moto = MotoServer.start();
    checkingMoto = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "0"));
    warmUp(moto);
  }

  /** moto loads a service's backend on its first call, which takes long on a loaded machine. */
  private static void warmUp(MotoServer server) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=warmup/20260101/us-east-1/sts/aws4_request")
          .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) moto.close();
    if (checkingMoto != null) checkingMoto.close();
  }

  private static ExecutionState run(MotoServer sts, DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers,
      String definition, String input) {
    String name = LocalAws.uniqueName("roles");
    try (LocalRuntime local = LocalRuntime.start(dynamo, sqs, name,
        LocalIntegrations.invoker(Map.of("dynamodb", servers.dynamoDbEndpoint()), sts.endpoint().toString(),
            servers.region().id(), name),
        new LocalRuntime.Options(30, 5, 2, 10))) {
      Runtime runtime = local.runtime();
      return ExecutionFixtures.run(runtime, "orders", definition, MACHINE_ROLE, input, Duration.ofSeconds(120));
    }
  }

  @Test
  void anAwsSdkTask_runsAsTheMachinesRole(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
    ExecutionState end = run(moto, dynamo, sqs, servers, WHO_AM_I.formatted(""), "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
    assertEquals("arn:aws:sts::123456789012:assumed-role/orders-machine/stepwise-orders",
        end.output().path("Arn").asText(), end.output().toString());
  }

  @Test
  void theCredentialsField_runsTheTaskAsItsRole_fromAPath(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
    ExecutionState end = run(moto, dynamo, sqs, servers, WHO_AM_I.formatted("\"Credentials\": {\"RoleArn.$\": \"$.role\"},"),
        "{\"role\": \"" + OTHER_ROLE + "\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
    assertEquals("arn:aws:sts::123456789012:assumed-role/reports-reader/stepwise-orders",
        end.output().path("Arn").asText(), end.output().toString());
  }

  @Test
  void whenStsRefuses_theTaskFails_namingTheRoleAndStsError(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
    ExecutionState end = run(checkingMoto, dynamo, sqs, servers, WHO_AM_I.formatted(""), "{}");
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals(ErrorNames.TASK_FAILED, end.error(), end.cause());
    assertTrue(end.cause().contains(MACHINE_ROLE), end.cause());
    assertTrue(end.cause().contains("InvalidClientTokenId"), end.cause());
    assertTrue(end.cause().contains("Who"), end.cause());
  }
}
