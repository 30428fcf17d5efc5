package io.stepwise.tests;

import io.stepwise.local.servers.AwsClients;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The conditional-write scenario again, on LocalStack: a second opinion from a DynamoDB that is
 * not dynalite. Needs a Docker engine; where there is none the class is skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbOnLocalStackTest {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
          .withServices("dynamodb");

  @Test
  void givenNoItem_whenConditionalPutTwice_thenFirstSucceedsAndSecondFails() {
    try (DynamoDbClient dynamo =
        AwsClients.dynamoDb(
            LOCALSTACK.getEndpoint(),
            Region.of(LOCALSTACK.getRegion()),
            AwsClients.Http.APACHE5)) {
      String table = LocalAws.uniqueName("executions");
      DynamoDbScenarios.createTable(dynamo, table);

      DynamoDbScenarios.putIfAbsentOnlyOnce(dynamo, table);
    }
  }
}
