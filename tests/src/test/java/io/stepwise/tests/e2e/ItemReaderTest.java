package io.stepwise.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import io.stepwise.tests.LocalS3;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Distributed Maps reading from and writing to s3rver, on the Lambda runtime with ElasticMQ and dynalite. */
@ExtendWith({LocalAws.class, LocalS3.class})
class ItemReaderTest {
  private LocalRuntime local;
  private Runtime runtime;
  private S3Client s3;
  private String bucket;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalS3.Server server) {
    this.s3 = server.s3();
    this.bucket = LocalS3.newBucket(s3, "items");
    local = LocalRuntime.start(dynamo, sqs, server.storage(), LocalAws.uniqueName("itemreader"),
        TaskInvoker.NONE, new LocalRuntime.Options(5, 10, 4, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private void put(String key, String text) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
  }

  private String get(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  private ExecutionState run(String name, String definition, String input) {
    return ExecutionFixtures.run(runtime, LocalAws.uniqueName(name), definition, input, Duration.ofMinutes(5));
  }

  /** A Distributed Map whose children pass their input on, with {@code fields} added to the Map. */
  private static String map(String reader, String fields) {
    return """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, %s
          "ItemReader": %s,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """.formatted(fields, reader);
  }

  private String getObject(String inputType, String key, String config) {
    return """
        {"Resource": "arn:aws:states:::s3:getObject",
         "ReaderConfig": {"InputType": "%s" %s},
         "Parameters": {"Bucket": "%s", "Key": "%s"}}
        """.formatted(inputType, config, bucket, key);
  }

  @Test
  void listObjectsV2_givesEachObjectsMetadata_underThePrefix() {
    put("photos/a.jpg", "aaa");
    put("photos/b.jpg", "bbbbb");
    put("other/c.jpg", "c");
    String reader = """
        {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "%s", "Prefix.$": "$.prefix"}}
        """.formatted(bucket);

    ExecutionState end = run("list", map(reader, ""), "{\"prefix\": \"photos/\"}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals(2, end.output().size());
    JsonNode first = end.output().get(0);
    assertEquals("photos/a.jpg", first.get("Key").asText());
    assertEquals(3, first.get("Size").asInt());
    assertEquals("STANDARD", first.get("StorageClass").asText());
    assertTrue(first.get("Etag").asText().startsWith("\""), first.toString());
    assertTrue(first.get("LastModified").asLong() > 1_600_000_000L, first.toString());
    assertEquals("photos/b.jpg", end.output().get(1).get("Key").asText());
  }

  @Test
  void jsonArray_eachElementIsAnItem() {
    put("in.json", "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]");

    ExecutionState end = run("json", map(getObject("JSON", "in.json", ""), ""), "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals(Json.parse("[{\"id\":1},{\"id\":2},{\"id\":3}]"), end.output());
  }

  @Test
  void jsonLines_withMaxItems_readsOnlyTheFirstLines() {
    put("in.jsonl", "{\"n\": 1}\n{\"n\": 2}\n{\"n\": 3}\n");

    ExecutionState end = run("jsonl", map(getObject("JSONL", "in.jsonl", ", \"MaxItems\": 2"), ""), "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals(Json.parse("[{\"n\":1},{\"n\":2}]"), end.output());
  }

  @Test
  void csvFirstRow_withMaxItemsPath_givesRowsAsObjectsOfText() {
    put("in.csv", "name,qty\nbolt,4\n\"nut, hex\",10\nwasher,1\n");
    String config = ", \"CSVHeaderLocation\": \"FIRST_ROW\", \"MaxItemsPath\": \"$.limit\"";

    ExecutionState end = run("csv", map(getObject("CSV", "in.csv", config), ""), "{\"limit\": 2}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals(Json.parse("[{\"name\":\"bolt\",\"qty\":\"4\"},{\"name\":\"nut, hex\",\"qty\":\"10\"}]"), end.output());
  }

  @Test
  void csvGiven_readsTheFirstRowAsData() {
    put("given.csv", "bolt,4\nnut,10\n");
    String config = ", \"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"name\", \"qty\"]";

    ExecutionState end = run("csvgiven", map(getObject("CSV", "given.csv", config), ""), "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals(Json.parse("[{\"name\":\"bolt\",\"qty\":\"4\"},{\"name\":\"nut\",\"qty\":\"10\"}]"), end.output());
  }

  @Test
  void manifest_readsTheInventoryFilesItNames() throws Exception {
    put("inventory/manifest.json", """
        {"sourceBucket": "src", "destinationBucket": "arn:aws:s3:::%s", "fileFormat": "CSV",
         "fileSchema": "Bucket, Key", "files": [{"key": "inventory/data/1.csv.gz", "size": 1, "MD5checksum": "x"}]}
        """.formatted(bucket));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("\"src\",\"a.txt\"\n\"src\",\"b.txt\"\n".getBytes(StandardCharsets.UTF_8));
    }
    s3.putObject(b -> b.bucket(bucket).key("inventory/data/1.csv.gz"), RequestBody.fromBytes(gz.toByteArray()));

    ExecutionState end = run("manifest", map(getObject("MANIFEST", "inventory/manifest.json", ""), ""), "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals(Json.parse("[{\"Bucket\":\"src\",\"Key\":\"a.txt\"},{\"Bucket\":\"src\",\"Key\":\"b.txt\"}]"), end.output());
  }

  @Test
  void missingObject_failsWithItemReaderFailed_whichCatchHandles() {
    String definition = map(getObject("JSON", "missing.json", ""), "").replace("\"End\": true, ",
        "\"Next\": \"Done\", \"Catch\": [{\"ErrorEquals\": [\"States.ItemReaderFailed\"], \"Next\": \"Caught\"}], ")
        .replace("}}}}}}", "}}}}, \"Done\": {\"Type\": \"Succeed\"}, \"Caught\": {\"Type\": \"Pass\", \"End\": true}}}");

    ExecutionState end = run("missing", definition, "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    assertEquals("States.ItemReaderFailed", end.output().get("Error").asText());
    assertTrue(end.output().get("Cause").asText().contains("NoSuchKey"), end.output().toString());
  }

  @Test
  void resultWriter_writesManifestSucceededAndFailedFiles_toleratingTheFailure() {
    put("in.json", "[{\"ok\": true}, {\"ok\": false}, {\"ok\": true}]");
    String definition = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ToleratedFailurePercentage": 50,
          "ItemReader": %s,
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "%s", "Prefix": "out"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Ok"}], "Default": "Bad"},
              "Ok": {"Type": "Pass", "Result": "done", "End": true},
              "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "not ok"}}}}}}
        """.formatted(getObject("JSON", "in.json", ""), bucket);

    ExecutionState end = run("writer", definition, "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.cause());
    String mapRunArn = end.output().get("MapRunArn").asText();
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    assertEquals(Json.parse("{\"Bucket\":\"" + bucket + "\",\"Key\":\"out/" + id + "/manifest.json\"}"),
        end.output().get("ResultWriterDetails"));
    JsonNode manifest = Json.parse(get("out/" + id + "/manifest.json"));
    assertEquals(bucket, manifest.get("DestinationBucket").asText());
    assertEquals(mapRunArn, manifest.get("MapRunArn").asText());
    assertEquals("out/" + id + "/SUCCEEDED_0.json", manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText());
    assertEquals("out/" + id + "/FAILED_0.json", manifest.at("/ResultFiles/FAILED/0/Key").asText());
    assertEquals(0, manifest.at("/ResultFiles/PENDING").size());
    JsonNode succeeded = Json.parse(get("out/" + id + "/SUCCEEDED_0.json"));
    assertEquals(2, succeeded.size());
    assertEquals("\"done\"", succeeded.get(0).get("Output").asText());
    assertEquals(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asInt(), get("out/" + id + "/SUCCEEDED_0.json").length());
    JsonNode failed = Json.parse(get("out/" + id + "/FAILED_0.json"));
    assertEquals(1, failed.size());
    assertEquals("Item.Bad", failed.get(0).get("Error").asText());
    assertEquals("FAILED", failed.get(0).get("Status").asText());
  }
}
