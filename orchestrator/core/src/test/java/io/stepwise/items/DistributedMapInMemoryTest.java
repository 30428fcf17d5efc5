package io.stepwise.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateMachineParser;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.VirtualClock;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A Distributed Map with ItemReader, ItemSelector, ItemBatcher and ResultWriter, in memory. */
class DistributedMapInMemoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final InMemoryObjectStorage storage = new InMemoryObjectStorage();

  private ExecutionResult run(String definition, String input) {
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:111111111111:execution:m:e", "e",
        "arn:aws:states:us-east-1:111111111111:stateMachine:m", "m", Json.parse(input), T0,
        "arn:aws:iam::111111111111:role/r", 0, false);
    return new InMemoryDriver(new Engine(() -> "t"), TaskInvoker.NONE, VirtualClock.fast(T0), null, storage)
        .run(StateMachineParser.parse(Json.parse(definition)), info);
  }

  private static String map(String reader, String extra) {
    return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true," + extra
        + "\"ItemReader\":" + reader + ","
        + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
        + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}}}}";
  }

  @Test
  void csvWithBatcherAndSelector_givesBatchesInOrder() {
    storage.put("in", "rows.csv", "n,sq\n1,1\n2,4\n3,9\n4,16\n5,25\n");
    String reader = "{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\","
        + "\"CSVHeaderLocation\":\"FIRST_ROW\",\"MaxItemsPath\":\"$.max\"},"
        + "\"Parameters\":{\"Bucket\":\"in\",\"Key.$\":\"$.key\"}}";
    String extra = "\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\",\"n.$\":\"$$.Map.Item.Value.n\"},"
        + "\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":{\"tag.$\":\"$.tag\"}},";

    ExecutionResult result = run(map(reader, extra), "{\"key\":\"rows.csv\",\"max\":4,\"tag\":\"t\"}");

    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
    assertEquals(Json.parse("[{\"BatchInput\":{\"tag\":\"t\"},\"Items\":[{\"i\":0,\"n\":\"1\"},{\"i\":1,\"n\":\"2\"}]},"
        + "{\"BatchInput\":{\"tag\":\"t\"},\"Items\":[{\"i\":2,\"n\":\"3\"},{\"i\":3,\"n\":\"4\"}]}]"), result.output());
  }

  @Test
  void resultWriter_writesManifestAndSucceededFile_andOutputsWhereTheyAre() {
    storage.put("in", "items.json", "[{\"v\":1},{\"v\":2}]");
    storage.createBucket("out");
    String reader = "{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSON\"},"
        + "\"Parameters\":{\"Bucket\":\"in\",\"Key\":\"items.json\"}}";
    String writer = "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
        + "\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"runs\"}},";

    ExecutionResult result = run(map(reader, writer), "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
    String mapRunArn = result.output().get("MapRunArn").asText();
    String manifestKey = result.output().get("ResultWriterDetails").get("Key").asText();
    assertEquals("out", result.output().get("ResultWriterDetails").get("Bucket").asText());
    assertEquals("runs/" + ResultFiles.mapRunId(mapRunArn) + "/manifest.json", manifestKey);
    JsonNode manifest = Json.parse(storage.text("out", manifestKey));
    assertEquals(mapRunArn, manifest.get("MapRunArn").asText());
    String succeededKey = manifest.get("ResultFiles").get("SUCCEEDED").get(0).get("Key").asText();
    assertTrue(succeededKey.endsWith("/SUCCEEDED_0.json"), succeededKey);
    assertEquals(0, manifest.get("ResultFiles").get("FAILED").size());
    JsonNode succeeded = Json.parse(storage.text("out", succeededKey));
    assertEquals(2, succeeded.size());
    assertEquals("{\"v\":2}", succeeded.get(1).get("Output").asText());
    assertEquals("SUCCEEDED", succeeded.get(1).get("Status").asText());
  }

  @Test
  void unreadableSource_failsTheMapWithItemReaderFailed_whichCatchCanHandle() {
    String reader = "{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSONL\"},"
        + "\"Parameters\":{\"Bucket\":\"in\",\"Key\":\"missing.jsonl\"}}";
    storage.createBucket("in");
    String definition = map(reader, "\"Catch\":[{\"ErrorEquals\":[\"States.ItemReaderFailed\"],\"Next\":\"Caught\"}],")
        .replace("\"End\":true,\"Catch\"", "\"Catch\"")
        .replace("}}}}}}", "}}}},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}");

    ExecutionResult result = run(definition, "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
    assertEquals("States.ItemReaderFailed", result.output().get("Error").asText());
    assertTrue(result.output().get("Cause").asText().contains("NoSuchKey"), result.output().toString());
  }

  /** As AWS records it (LocalStack's test_map_item_reader_json_no_json_list_object snapshot). */
  @Test
  void jsonNotAnArray_failsTheMapRunWithTheCause_afterMapStateStartedOfLengthZero() {
    storage.put("in", "obj.json", "{\"not\": \"a list\"}");
    String reader = "{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSON\"},"
        + "\"Parameters\":{\"Bucket\":\"in\",\"Key\":\"obj.json\"}}";

    ExecutionResult result = run(map(reader, ""), "{}");

    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("States.ItemReaderFailed", result.error());
    assertEquals("Attempting to map over non-iterable node.", result.cause());
    assertEquals(java.util.List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed",
        "MapStateFailed", "ExecutionFailed"), result.history().stream().map(e -> e.type()).toList());
    assertEquals(Json.parse("{\"length\":0}"), result.history().get(2).details());
    assertEquals(Json.parse("{\"error\":\"States.ItemReaderFailed\",\"cause\":\"Attempting to map over non-iterable node.\"}"),
        result.history().get(4).details());
  }
}
