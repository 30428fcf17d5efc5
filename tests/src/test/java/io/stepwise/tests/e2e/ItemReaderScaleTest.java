package io.stepwise.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import io.stepwise.tests.LocalS3;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A Distributed Map over a 100,000-line CSV in s3rver, batched into 100 children, 50 at a time:
 * the second half's records are created as their predecessors end, read again from a stored
 * cursor. Lean on purpose: batching keeps the child count small.
 */
@ExtendWith({LocalAws.class, LocalS3.class})
class ItemReaderScaleTest {
  private static final int ROWS = Integer.getInteger("stepwise.itemreader.rows", 100_000);
  private static final int PER_BATCH = 1000;

  @Test
  void csvOfAHundredThousandRows_withItemBatcherAndResultWriter_givesEveryRowOnce(
      DynamoDbClient dynamo, SqsClient sqs, LocalS3.Server server) {
    S3Client s3 = server.s3();
    String bucket = LocalS3.newBucket(s3, "scale");
    StringBuilder csv = new StringBuilder("id,value\n");
    for (int i = 1; i <= ROWS; i++) csv.append(i).append(',').append(i % 7).append('\n');
    s3.putObject(b -> b.bucket(bucket).key("rows.csv"), RequestBody.fromString(csv.toString()));
    // Each child adds up its batch: the ids, how many rows, and the first id.
    String definition = """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 50,
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
            "Arguments": {"Bucket": "%s", "Key": "rows.csv"}},
          "ItemBatcher": {"MaxItemsPerBatch": %d, "BatchInput": {"run": "{%% $states.input.run %%}"}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Arguments": {"Bucket": "%s", "Prefix": "results"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Sum", "States": {"Sum": {"Type": "Pass", "End": true, "Output": {
              "run": "{%% $states.input.BatchInput.run %%}",
              "first": "{%% $number($states.input.Items[0].id) %%}",
              "rows": "{%% $count($states.input.Items) %%}",
              "sum": "{%% $sum($states.input.Items.$number(id)) %%}"}}}}}}}
        """.formatted(bucket, PER_BATCH, bucket);
    try (LocalRuntime local = LocalRuntime.start(dynamo, sqs, server.storage(), LocalAws.uniqueName("scale"),
        TaskInvoker.NONE, new LocalRuntime.Options(10, 10, 4, 10))) {
      long started = System.nanoTime();
      ExecutionState end = ExecutionFixtures.run(local.runtime(), "csv100k", definition, "{\"run\": \"r1\"}",
          Duration.ofMinutes(10));
      System.out.printf("Distributed Map over %d CSV rows in %d children: %.1f s%n", ROWS, ROWS / PER_BATCH,
          (System.nanoTime() - started) / 1e9);

      assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
      JsonNode manifest = Json.parse(s3.getObjectAsBytes(b -> b.bucket(bucket)
          .key(end.output().at("/ResultWriterDetails/Key").asText())).asUtf8String());
      assertEquals(0, manifest.at("/ResultFiles/FAILED").size());
      long rows = 0;
      long sum = 0;
      int children = 0;
      for (JsonNode file : manifest.at("/ResultFiles/SUCCEEDED")) {
        JsonNode entries = Json.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(file.get("Key").asText())).asUtf8String());
        for (JsonNode entry : entries) {
          JsonNode output = Json.parse(entry.get("Output").asText());
          assertEquals("r1", output.get("run").asText());
          assertEquals(children * PER_BATCH + 1, output.get("first").asLong(), "child " + children + " starts where it should");
          rows += output.get("rows").asLong();
          sum += output.get("sum").asLong();
          children++;
        }
      }
      assertEquals(ROWS / PER_BATCH, children);
      assertEquals(ROWS, rows);
      assertEquals((long) ROWS * (ROWS + 1) / 2, sum);
    }
  }
}
