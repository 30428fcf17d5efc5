package io.stepwise.tests;

import static io.stepwise.tests.DynamoDbScenarios.item;
import static io.stepwise.tests.DynamoDbScenarios.key;
import static io.stepwise.tests.DynamoDbScenarios.n;
import static io.stepwise.tests.DynamoDbScenarios.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The DynamoDB operations the orchestrator uses, on dynalite through the real SDK client. */
@ExtendWith(LocalAws.class)
class DynamoDbOnDynaliteTest {

  private static String newTable(DynamoDbClient dynamo) {
    String table = LocalAws.uniqueName("executions");
    DynamoDbScenarios.createTable(dynamo, table);
    return table;
  }

  @Test
  void givenOnDemandTableSpec_whenCreated_thenActiveAndPayPerRequest(DynamoDbClient dynamo) {
    String table = newTable(dynamo);

    var description = dynamo.describeTable(d -> d.tableName(table)).table();

    assertEquals(TableStatus.ACTIVE, description.tableStatus());
    assertEquals(BillingMode.PAY_PER_REQUEST, description.billingModeSummary().billingMode());
  }

  @Test
  void givenNoItem_whenConditionalPutTwice_thenFirstSucceedsAndSecondFails(DynamoDbClient dynamo) {
    DynamoDbScenarios.putIfAbsentOnlyOnce(dynamo, newTable(dynamo));
  }

  @Test
  void givenFailedCondition_whenAllOldRequested_thenDynaliteReturnsNoItem(DynamoDbClient dynamo) {
    // DynamoDB returns the current item here; dynalite accepts the parameter but returns none.
    // The orchestrator must re-read the item after a failed condition instead of relying on it.
    String table = newTable(dynamo);
    dynamo.putItem(put -> put.tableName(table).item(item("exec-1", 0, "RUNNING")));

    ConditionalCheckFailedException failed =
        assertThrows(
            ConditionalCheckFailedException.class,
            () ->
                dynamo.putItem(
                    put ->
                        put.tableName(table)
                            .item(item("exec-1", 0, "SUCCEEDED"))
                            .conditionExpression("#state = :expected")
                            .expressionAttributeNames(Map.of("#state", "state"))
                            .expressionAttributeValues(Map.of(":expected", s("PENDING")))
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)));

    assertFalse(failed.hasItem() && !failed.item().isEmpty(), "dynalite now returns ALL_OLD");
  }

  @Test
  void givenCounter_whenAddedConcurrently_thenEveryIncrementCountsOnce(DynamoDbClient dynamo)
      throws Exception {
    String table = newTable(dynamo);
    int threads = 4;
    int perThread = 25;
    Set<Long> seen = new ConcurrentSkipListSet<>();

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> addOnePerCall(dynamo, table, perThread, seen)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    // Atomic: each ADD saw a distinct new value, and none was lost.
    Set<Long> expected =
        LongStream.rangeClosed(1, threads * perThread).boxed().collect(Collectors.toSet());
    assertEquals(expected, seen);
    assertEquals(
        n(threads * perThread),
        dynamo.getItem(get -> get.tableName(table).key(key("counter", 0))).item().get("count"));
  }

  private static void addOnePerCall(DynamoDbClient dynamo, String table, int calls, Set<Long> seen) {
    for (int i = 0; i < calls; i++) {
      var updated =
          dynamo.updateItem(
              update ->
                  update
                      .tableName(table)
                      .key(key("counter", 0))
                      .updateExpression("ADD #count :one")
                      .expressionAttributeNames(Map.of("#count", "count"))
                      .expressionAttributeValues(Map.of(":one", n(1)))
                      .returnValues(ReturnValue.UPDATED_NEW));
      seen.add(Long.parseLong(updated.attributes().get("count").n()));
    }
  }

  @Test
  void givenSevenHistoryEvents_whenQueriedWithLimitThree_thenThreePagesInKeyOrder(
      DynamoDbClient dynamo) {
    String table = newTable(dynamo);
    // Written out of order: the sort key, not insertion, decides the order of a query.
    for (int sk : List.of(7, 3, 1, 6, 2, 5, 4)) {
      dynamo.putItem(put -> put.tableName(table).item(item("exec-1", sk, "event")));
    }
    dynamo.putItem(put -> put.tableName(table).item(item("exec-2", 1, "other execution")));
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk AND sk > :after")
            .expressionAttributeValues(Map.of(":pk", s("exec-1"), ":after", n(0)))
            .limit(3)
            .consistentRead(true)
            .build();

    List<List<Integer>> pages =
        dynamo.queryPaginator(query).stream()
            .map(DynamoDbOnDynaliteTest::sortKeys)
            .collect(Collectors.toList());

    assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)), pages);
  }

  @Test
  void givenThirtyItems_whenBatchWrittenInChunksOf25_thenAllAreStored(DynamoDbClient dynamo) {
    String table = newTable(dynamo);
    List<WriteRequest> writes =
        IntStream.rangeClosed(1, 30)
            .mapToObj(sk -> put(item("exec-1", sk, "event")))
            .collect(Collectors.toList());

    for (int from = 0; from < writes.size(); from += 25) {
      batchWriteAll(dynamo, table, writes.subList(from, Math.min(from + 25, writes.size())));
    }

    int stored =
        dynamo
            .query(
                q ->
                    q.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("exec-1")))
                        .select("COUNT"))
            .count();
    assertEquals(30, stored);
  }

  @Test
  void givenTwentySixWrites_whenOneBatch_thenRejectedAsOverTheLimit(DynamoDbClient dynamo) {
    String table = newTable(dynamo);
    List<WriteRequest> writes =
        IntStream.rangeClosed(1, 26)
            .mapToObj(sk -> put(item("exec-1", sk, "event")))
            .collect(Collectors.toList());

    DynamoDbException rejected =
        assertThrows(
            DynamoDbException.class,
            () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes))));
    assertTrue(rejected.getMessage().contains("25"), rejected.getMessage());
  }

  /** BatchWriteItem may hand back unprocessed items; callers must resend them. */
  private static void batchWriteAll(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, batch));
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      assertTrue(attempt < 10, "unprocessed items after 10 attempts");
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static List<Integer> sortKeys(QueryResponse page) {
    return page.items().stream()
        .map(item -> Integer.parseInt(item.get("sk").n()))
        .collect(Collectors.toList());
  }
}
