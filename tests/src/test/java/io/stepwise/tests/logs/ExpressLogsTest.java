package io.stepwise.tests.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.dynamodb.DynamoDbDocumentStore;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.lambda.Observability;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.observability.JsonLog;
import io.stepwise.observability.MachineLogging;
import io.stepwise.tests.LocalAws;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Express executions' histories in their machine's log group (CloudWatch Logs on moto_server), not in the table. */
@ExtendWith(LocalAws.class)
class ExpressLogsTest {
  @RegisterExtension
  static final LogsOnMoto logs = new LogsOnMoto();

  @Test
  void givenExpressMachineLoggingAll_whenStartedSyncAndAsync_thenEachRunsHistoryIsInItsLogGroup(DynamoDbClient dynamo, SqsClient sqs) {
    String name = LocalAws.uniqueName("express-logs");
    {
      String group = logs.createGroup("/aws/vendedlogs/states/express");
      Observability observability = new Observability(null, line -> {}, new JsonLog(JsonLog.Level.WARN, System.err::println,
          InstantSource.system()), new MachineLogging(new DynamoDbDocumentStore(dynamo, name), InstantSource.system()),
          logs.writer(System.err::println), InstantSource.system());
      try (LocalRuntime local = LocalRuntime.start(dynamo, sqs, name, TaskInvoker.NONE, new LocalRuntime.Options(2, 5, 1, 10), observability);
          LocalApiServer server = LocalApiServer.start(0, local.runtime());
          SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
              .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
              .httpClientBuilder(Apache5HttpClient.builder())
              .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
              .build()) {
        String machine = sfn.createStateMachine(r -> r.name("logged").type(StateMachineType.EXPRESS)
            .roleArn("arn:aws:iam::000000000000:role/r")
            .definition("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 7, \"End\": true}}}")
            .loggingConfiguration(l -> l.level(LogLevel.ALL).includeExecutionData(true)
                .destinations(d -> d.cloudWatchLogsLogGroup(g -> g.logGroupArn(group))))).stateMachineArn();

        String sync = sfn.startSyncExecution(r -> r.stateMachineArn(machine)).executionArn();
        String async = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

        long deadline = System.currentTimeMillis() + 30_000;
        while (ofExecution(logs.messages("/aws/vendedlogs/states/express"), async).isEmpty()) {
          if (System.currentTimeMillis() > deadline) throw new AssertionError("no log events of " + async);
          sleep();
        }
        List<JsonNode> lines = logs.messages("/aws/vendedlogs/states/express");
        for (String execution : List.of(sync, async)) {
          List<JsonNode> events = ofExecution(lines, execution);
          assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
              events.stream().map(e -> e.path("type").asText()).toList());
          assertEquals("7", events.get(3).path("details").path("output").asText());
        }
      }
    }
  }

  private static List<JsonNode> ofExecution(List<JsonNode> lines, String executionArn) {
    return lines.stream().filter(l -> l.path("execution_arn").asText().equals(executionArn)).toList();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
