package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.tests.LocalAws;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  private Path home;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) throws Exception {
    Assumptions.assumeTrue(onPath("aws"), "the AWS CLI (aws) is not on the PATH");
    stack = ApiStack.start(dynamo, sqs, "api-cli");
    home = Files.createTempDirectory("stepwise-aws-cli");
  }

  @AfterAll
  void stop() {
    if (stack != null) stack.close();
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) return true;
    }
    return false;
  }

  private record Result(int exit, String out, String err) {}

  private Result aws(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "stepfunctions", "--endpoint-url", stack.server.endpoint().toString(),
        "--output", "json"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "x");
    env.put("AWS_SECRET_ACCESS_KEY", "x");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.remove("AWS_PROFILE");
    env.remove("AWS_SESSION_TOKEN");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString()); // never a developer's real settings
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_PAGER", "");
    env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true"); // else start-sync-execution goes to sync-127.0.0.1
    Path out = home.resolve("out");
    Path err = home.resolve("err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void givenLocalServer_whenTheCliCreatesListsStartsAndDescribes_thenItWorksUnchanged() throws Exception {
    String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 7, \"End\": true}}}";
    Result created = aws("create-state-machine", "--name", "from-cli", "--definition", definition, "--role-arn", ApiStack.ROLE);
    assertEquals(0, created.exit(), created.err());
    String arn = Json.parse(created.out()).get("stateMachineArn").asText();

    Result listed = aws("list-state-machines");
    assertEquals(0, listed.exit(), listed.err());
    JsonNode machines = Json.parse(listed.out()).get("stateMachines");
    assertEquals(arn, machines.get(0).get("stateMachineArn").asText());
    JsonNode creationDate = machines.get(0).get("creationDate"); // CLI v1 prints it as sent, v2 as ISO 8601
    assertTrue(creationDate.isNumber() || creationDate.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), listed.out());

    Result started = aws("start-execution", "--state-machine-arn", arn, "--name", "cli-run", "--input", "{}");
    assertEquals(0, started.exit(), started.err());
    String execution = Json.parse(started.out()).get("executionArn").asText();
    stack.await(execution);
    Result described = aws("describe-execution", "--execution-arn", execution);
    assertEquals(0, described.exit(), described.err());
    assertEquals("SUCCEEDED", Json.parse(described.out()).get("status").asText());
    assertEquals("7", Json.parse(described.out()).get("output").asText());

    Result sync = aws("start-sync-execution", "--state-machine-arn", arn);
    assertEquals(0, sync.exit(), sync.err());
    assertEquals("SUCCEEDED", Json.parse(sync.out()).get("status").asText());
  }

  @Test
  void givenMissingMachine_whenTheCliDescribesIt_thenItReportsTheErrorCode() throws Exception {
    Result missing = aws("describe-state-machine", "--state-machine-arn",
        "arn:aws:states:us-east-1:000000000000:stateMachine:nowhere");
    assertNotEquals(0, missing.exit());
    assertTrue(missing.err().contains("StateMachineDoesNotExist"), missing.err());
  }
}
