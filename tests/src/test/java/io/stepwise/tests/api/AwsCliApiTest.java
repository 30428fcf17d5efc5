package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.tests.AwsCli;
import io.stepwise.tests.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The AWS CLI, unchanged, against the local API server; skipped where {@code aws} is not on the PATH. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCliApiTest {
  private ApiStack stack;
  private final AwsCli cli = new AwsCli();

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) throws Exception {
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI (aws) is not on the PATH");
    stack = ApiStack.start(dynamo, sqs, "api-cli");
  }

  @AfterAll
  void stop() {
    if (stack != null) stack.close();
  }

  private AwsCli.Result aws(String... args) throws Exception {
    return cli.run("stepfunctions", stack.server.endpoint().toString(), args);
  }

  @Test
  void givenLocalServer_whenTheCliCreatesListsStartsAndDescribes_thenItWorksUnchanged() throws Exception {
    String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 7, \"End\": true}}}";
    AwsCli.Result created = aws("create-state-machine", "--name", "from-cli", "--definition", definition, "--role-arn", ApiStack.ROLE);
    assertEquals(0, created.exit(), created.err());
    String arn = Json.parse(created.out()).get("stateMachineArn").asText();

    AwsCli.Result listed = aws("list-state-machines");
    assertEquals(0, listed.exit(), listed.err());
    JsonNode machines = Json.parse(listed.out()).get("stateMachines");
    assertEquals(arn, machines.get(0).get("stateMachineArn").asText());
    JsonNode creationDate = machines.get(0).get("creationDate"); // CLI v1 prints it as sent, v2 as ISO 8601
    assertTrue(creationDate.isNumber() || creationDate.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), listed.out());

    AwsCli.Result started = aws("start-execution", "--state-machine-arn", arn, "--name", "cli-run", "--input", "{}");
    assertEquals(0, started.exit(), started.err());
    String execution = Json.parse(started.out()).get("executionArn").asText();
    stack.await(execution);
    AwsCli.Result described = aws("describe-execution", "--execution-arn", execution);
    assertEquals(0, described.exit(), described.err());
    assertEquals("SUCCEEDED", Json.parse(described.out()).get("status").asText());
    assertEquals("7", Json.parse(described.out()).get("output").asText());

    AwsCli.Result sync = aws("start-sync-execution", "--state-machine-arn", arn);
    assertEquals(0, sync.exit(), sync.err());
    assertEquals("SUCCEEDED", Json.parse(sync.out()).get("status").asText());
  }

  @Test
  void givenMissingMachine_whenTheCliDescribesIt_thenItReportsTheErrorCode() throws Exception {
    AwsCli.Result missing = aws("describe-state-machine", "--state-machine-arn",
        "arn:aws:states:us-east-1:000000000000:stateMachine:nowhere");
    assertNotEquals(0, missing.exit());
    assertTrue(missing.err().contains("StateMachineDoesNotExist"), missing.err());
  }
}
