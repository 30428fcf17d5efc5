package io.stepwise.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.aws.dynamodb.Table;
import io.stepwise.local.servers.DynaliteServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The bench's capacity counting against dynalite, unit by unit as DynamoDB bills them. */
class AwsCallCounterTest {
  private static final String TABLE = "counted";

  @Test
  void billsWritesByTheLargerItemReadsBy4KbFailedConditionsAndIndexEntries() {
    AwsCallCounter counter = new AwsCallCounter();
    try (DynaliteServer server = DynaliteServer.start(); DynamoDbClient dynamo = counter.dynamoDb(server.endpoint())) {
      Table.ensureActive(dynamo, TABLE);
      List<Long> start = counter.snapshot();

      dynamo.putItem(r -> r.tableName(TABLE).item(item("a", 1500, "RUNNING")));
      assertEquals(List.of(0L, 1L, 3L, 0L), delta(start, counter.snapshot())); // 2 KB + a new index entry

      List<Long> before = counter.snapshot();
      dynamo.putItem(r -> r.tableName(TABLE).item(item("a", 100, "RUNNING")));
      assertEquals(List.of(0L, 1L, 2L, 0L), delta(before, counter.snapshot())); // the old 2 KB item; same index key

      before = counter.snapshot();
      dynamo.putItem(r -> r.tableName(TABLE).item(item("a", 100, "SUCCEEDED")));
      assertEquals(List.of(0L, 1L, 3L, 0L), delta(before, counter.snapshot())); // 1 KB; index entry moved: 2

      before = counter.snapshot();
      dynamo.getItem(r -> r.tableName(TABLE).consistentRead(true).key(key("a")));
      assertEquals(List.of(1L, 0L, 0L, 1L), delta(before, counter.snapshot()));

      before = counter.snapshot();
      assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(r -> r.tableName(TABLE)
          .item(item("a", 3000, "RUNNING")).conditionExpression("attribute_not_exists(pk)")));
      assertEquals(List.of(0L, 1L, 3L, 0L), delta(before, counter.snapshot())); // billed by its 3 KB item
      assertEquals(1L, counter.snapshot().get(5));

      before = counter.snapshot();
      dynamo.deleteItem(r -> r.tableName(TABLE).key(key("a")));
      assertEquals(List.of(0L, 1L, 2L, 0L), delta(before, counter.snapshot())); // the item and its index entry
      assertEquals(0L, counter.unreported.get());
    }
  }

  @Test
  void anIndexEntryCostsOnlyWhenItComesGoesOrMoves() {
    IndexWrites index = new IndexWrites();
    assertEquals(0, index.put(item("x", 10, null)));
    assertEquals(1, index.put(item("x", 10, "RUNNING")));
    assertEquals(0, index.put(item("x", 20, "RUNNING")));
    assertEquals(2, index.put(item("x", 20, "FAILED")));
    assertEquals(1, index.put(item("x", 20, null)));
    assertEquals(0, index.delete(key("x")));
  }

  @Test
  void historyItemsCountAsClaimsOrCommits_andTheRecordItemAsCreatedOrIndexed() {
    ItemKinds kinds = new ItemKinds();
    Map<String, AttributeValue> claim = Map.of(Table.PK, s("EX#arn"), Table.SK, s("H#00000000000000000001"), "owner", s("o"));
    Map<String, AttributeValue> commit = Map.of(Table.PK, s("EX#arn|1|0"), Table.SK, s("H#00000000000000000001"),
        "commit", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1})));
    kinds.write("put", claim, 1);
    kinds.write("put", commit, 2);
    kinds.write("create", key("x"), 1);
    kinds.write("put", Map.of(Table.PK, s("EX#x"), Table.SK, s("R")), 1);
    kinds.read("query", "EX#arn", "H#", 1);
    assertEquals(Map.of("execution_history.put_claim", 1L, "child_history.put_commit", 2L, "other.create", 1L,
        "execution_record.put", 1L, "execution_history.query", 1L), kinds.snapshot());
  }

  /** reads, writes, write units, read units */
  private static List<Long> delta(List<Long> before, List<Long> after) {
    return List.of(after.get(0) - before.get(0), after.get(1) - before.get(1), after.get(2) - before.get(2),
        after.get(3) - before.get(3));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(Table.PK, s(id), Table.SK, s("R"));
  }

  private static Map<String, AttributeValue> item(String id, int padding, String status) {
    Map<String, AttributeValue> item = new HashMap<>(key(id));
    item.put("pad", s("p".repeat(padding)));
    if (status != null) {
      item.put(Table.GSI1_PK, s("machine|" + status));
      item.put(Table.GSI1_SK, s("0#" + id));
    }
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }
}
