package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.local.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code ./stepwise local} with no {@code --aws-endpoint}: S3 is its own s3rver, kept under {@code --data}. */
class LocalStackS3Test {
  /** A bucket and a JSON object through aws-sdk:s3, then a Distributed Map reading that object. */
  private static final String DEFINITION = """
      {"StartAt": "Bucket", "States": {
        "Bucket": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:createBucket",
          "Parameters": {"Bucket": "orders"}, "ResultPath": null, "Next": "Put"},
        "Put": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
          "Parameters": {"Bucket": "orders", "Key": "today.json", "Body.$": "$.orders"}, "ResultPath": null, "Next": "Get"},
        "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
          "Parameters": {"Bucket": "orders", "Key": "today.json"},
          "ResultSelector": {"orders.$": "States.StringToJson($.Body)"}, "ResultPath": "$.got", "Next": "Each"},
        "Each": {"Type": "Map", "ResultPath": "$.mapped", "End": true,
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
            "Parameters": {"Bucket": "orders", "Key": "today.json"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"seen.$": "$.id"}, "End": true}}}}}}
      """;

  @Test
  void givenNoAwsEndpoint_whenAMachinePutsGetsAndMapsOverAnObject_thenS3rverUnderTheDataDirServesIt() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "local-s3-");
    try (LocalStack stack = LocalStack.start(List.of(StackFixtures.template()), 0, StackFixtures.QUIET.withDataDir(data));
        SfnClient sfn = StackFixtures.sfn(stack.endpoints().api())) {
      assertNotNull(stack.endpoints().s3());
      assertTrue(stack.banner(List.of(StackFixtures.template())).contains(stack.endpoints().s3().toString()));
      String machine = sfn.createStateMachine(r -> r.name("s3-local").definition(DEFINITION)
          .roleArn("arn:aws:iam::000000000000:role/stepwise")).stateMachineArn();
      String execution = sfn.startExecution(r -> r.stateMachineArn(machine)
          .input("{\"orders\": [{\"id\": 1}, {\"id\": 2}]}")).executionArn();
      AtomicReference<DescribeExecutionResponse> last = new AtomicReference<>();
      StackFixtures.await("the execution to end", Duration.ofSeconds(90), () -> {
        last.set(sfn.describeExecution(r -> r.executionArn(execution)));
        return last.get().status() != ExecutionStatus.RUNNING;
      });

      assertEquals(ExecutionStatus.SUCCEEDED, last.get().status(), last.get().error() + ": " + last.get().cause());
      JsonNode output = Json.parse(last.get().output());
      assertEquals(Json.parse("[{\"id\": 1}, {\"id\": 2}]"), output.path("got").path("orders"));
      assertEquals(Json.parse("[{\"seen\": 1}, {\"seen\": 2}]"), output.path("mapped"));
      try (Stream<Path> files = Files.walk(data.resolve("s3"))) {
        assertTrue(files.anyMatch(p -> p.toString().contains("today.json")), "the object is kept under --data/s3");
      }
    }
  }
}
