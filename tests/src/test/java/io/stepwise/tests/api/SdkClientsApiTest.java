package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Two clients no one here wrote, against the local API: boto3 calls all 37 operations (versions
 * and alias routing included), and the JavaScript SDK v3 reaches StartSyncExecution and TestState
 * with {@code disableHostPrefix: true}. Each script fails on the first wrong answer.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkClientsApiTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/clients").toAbsolutePath();
  private ApiStack stack;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-clients");
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private record Run(int exit, String output) {}

  private Run run(String... command) throws Exception {
    Path log = Files.createTempFile("stepwise-client", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish: " + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Run(process.exitValue(), output);
  }

  private static boolean works(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void givenBoto3_whenAll37OperationsCalled_thenEachAnswersAsAwsWould() throws Exception {
    Assumptions.assumeTrue(works("python3", "-c", "import boto3"), "python3 with boto3 is not installed");
    Run result = run("python3", SCRIPTS.resolve("boto3_all_operations.py").toString(), stack.server.endpoint().toString());
    assertEquals(0, result.exit(), result.output());
    assertTrue(result.output().contains("ALL 37 OPERATIONS OK"), result.output());
    assertTrue(result.output().contains("OK StartExecution"), result.output());
    // Without inject_host_prefix=False, boto3 sends StartSyncExecution to sync-127.0.0.1.
    assertTrue(result.output().contains("sync-127.0.0.1"), result.output());
  }

  @Test
  void givenJavaScriptSdk_whenHostPrefixDisabled_thenSyncOperationsWork() throws Exception {
    Path sdk = Path.of("..", "node_modules", "@aws-sdk", "client-sfn").toAbsolutePath();
    Assumptions.assumeTrue(works("node", "--version") && Files.isDirectory(sdk), "node or @aws-sdk/client-sfn (npm ci) is missing");
    Run result = run("node", SCRIPTS.resolve("js_sdk_host_prefix.mjs").toString(), stack.server.endpoint().toString());
    assertEquals(0, result.exit(), result.output());
    for (String line : List.of("OK StartSyncExecution", "OK TestState", "HOST PREFIX without the setting", "JS SDK OK")) {
      assertTrue(result.output().contains(line), result.output());
    }
  }
}
