package io.stepwise.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The servers' own contract: real PIDs, real endpoints, nothing left running after close. */
@ExtendWith(LocalAws.class)
class LocalServersLifecycleTest {

  @ParameterizedTest
  @EnumSource(AwsClients.Http.class)
  void givenEitherHttpClient_whenCallingBothServers_thenBothAnswer(
      AwsClients.Http http, LocalAws.Servers servers) {
    String queue = LocalAws.uniqueName("http-" + http);
    String table = LocalAws.uniqueName("http-" + http);

    try (SqsClient sqs = servers.newSqs(http);
        DynamoDbClient dynamo = servers.newDynamoDb(http)) {
      String url = sqs.createQueue(q -> q.queueName(queue)).queueUrl();
      DynamoDbScenarios.createTable(dynamo, table);

      // ElasticMQ builds queue URLs from the port it really bound, not its 9324 default.
      assertTrue(url.startsWith(servers.sqsEndpoint().toString()), url);
      assertTrue(dynamo.listTables().tableNames().contains(table));
    }
  }

  @Test
  void givenSharedServers_whenTestsRun_thenDynaliteIsItsOwnNodeProcess(LocalAws.Servers servers) {
    Optional<ProcessHandle> process = ProcessHandle.of(servers.dynalitePid());

    assertTrue(process.map(ProcessHandle::isAlive).orElse(false));
    String command = process.flatMap(p -> p.info().command()).orElse("");
    assertTrue(Path.of(command).getFileName().toString().startsWith("node"), command);
  }

  @Test
  void givenStartedDynalite_whenClosed_thenProcessIsGoneAndLogKept(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("logs/dynalite.log");
    DynaliteServer server = DynaliteServer.start(DynaliteServer.locateCli(), log);
    ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
    try (DynamoDbClient dynamo = AwsClients.dynamoDb(server.endpoint())) {
      assertEquals(0, dynamo.listTables().tableNames().size(), "every start is an empty database");
    }

    server.close();

    assertFalse(process.isAlive());
    assertFalse(server.isAlive());
    assertTrue(Files.readString(log).contains("listening at: " + server.endpoint()));
  }
}
