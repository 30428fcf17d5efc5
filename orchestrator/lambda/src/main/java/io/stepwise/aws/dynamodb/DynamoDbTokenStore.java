package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.b;
import static io.stepwise.aws.dynamodb.Items.n;
import static io.stepwise.aws.dynamodb.Items.s;

import io.stepwise.runtime.Deflate;
import io.stepwise.runtime.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Task tokens as items {@code TT#token / T}; closing and heartbeats are conditional updates. A
 * closed token keeps its answer, deflated (an output may be 256 KB, write units are per KB).
 * With a retention, each item carries the table's TTL attribute {@code expiresAt}: a token can
 * be waited on for as long as an execution runs, and is kept as long as that execution's history.
 */
public final class DynamoDbTokenStore implements TokenStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration retention;

  public DynamoDbTokenStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, null);
  }

  /** @param retention how long finished executions are kept, or null to keep everything */
  public DynamoDbTokenStore(DynamoDbClient dynamo, String table, Duration retention) {
    this.dynamo = dynamo;
    this.table = table;
    this.retention = retention;
  }

  @Override
  public void put(TaskToken token) {
    Map<String, AttributeValue> item = new HashMap<>(key(token.token()));
    item.put("executionArn", s(token.executionArn()));
    item.put("seq", n(token.seq()));
    item.put("stateName", s(token.stateName()));
    item.put("heartbeatSeconds", n(token.heartbeatSeconds()));
    item.put("lastHeartbeat", n(token.lastHeartbeatMillis()));
    if (retention != null) {
      Instant issued = Instant.ofEpochMilli(token.lastHeartbeatMillis()); // a token is issued with its first heartbeat
      item.put("expiresAt", n(issued.plus(DynamoDbExecutionStore.LONGEST_EXECUTION).plus(retention).getEpochSecond()));
    }
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public Optional<TaskToken> get(String token) {
    var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(token)));
    if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
    Map<String, AttributeValue> item = response.item();
    return Optional.of(new TaskToken(token, item.get("executionArn").s(), Long.parseLong(item.get("seq").n()),
        item.get("stateName").s(), Integer.parseInt(item.get("heartbeatSeconds").n()),
        Long.parseLong(item.get("lastHeartbeat").n()), item.containsKey("closed"),
        item.containsKey("answer") ? Deflate.inflateText(item.get("answer").b().asByteArray()) : null,
        !item.containsKey("taken") ? null : item.containsKey("worker") ? item.get("worker").s() : ""));
  }

  @Override
  public boolean heartbeat(String token, long nowMillis) {
    return conditionalUpdate(token, "SET lastHeartbeat = :now", Map.of(":now", n(nowMillis)));
  }

  @Override
  public boolean close(String token, String answer) {
    return conditionalUpdate(token, "SET closed = :yes, answer = :answer",
        Map.of(":yes", n(1), ":answer", b(Deflate.deflateText(answer))));
  }

  /** The worker's name is kept only when it has one (an empty string attribute is not for every DynamoDB). */
  @Override
  public boolean take(String token, String worker) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":yes", n(1)));
    if (!worker.isEmpty()) values.put(":worker", s(worker));
    return conditionalUpdate(token, worker.isEmpty() ? "SET taken = :yes" : "SET taken = :yes, worker = :worker", values,
        " AND attribute_not_exists(taken)");
  }

  private boolean conditionalUpdate(String token, String update, Map<String, AttributeValue> values) {
    return conditionalUpdate(token, update, values, "");
  }

  private boolean conditionalUpdate(String token, String update, Map<String, AttributeValue> values, String andAlso) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(token)).updateExpression(update)
          .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(closed)" + andAlso)
          .expressionAttributeNames(Map.of("#pk", Table.PK)).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String token) {
    return Map.of(Table.PK, s("TT#" + token), Table.SK, s("T"));
  }
}
