package io.stepwise.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.runtime.TokenStore.TaskToken;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Task token items carry the table's TTL attribute, like the executions they belong to. */
@ExtendWith(LocalAws.class)
class TokenExpiryTest {
  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void tokenItem_expiresAfterTheLongestWaitPlusTheRetention(DynamoDbClient dynamo) {
    String table = table(dynamo);
    new DynamoDbTokenStore(dynamo, table, Duration.ofDays(90)).put(token("t1"));
    // A token may be waited on for as long as an execution runs (a year), then kept as long as its history.
    long expected = ISSUED.plus(Duration.ofDays(365 + 90)).getEpochSecond();
    assertEquals(Long.toString(expected), raw(dynamo, table, "t1").get("expiresAt").n());
  }

  @Test
  void withoutRetention_tokenItemsAreKept(DynamoDbClient dynamo) {
    String table = table(dynamo);
    new DynamoDbTokenStore(dynamo, table, null).put(token("t2"));
    assertFalse(raw(dynamo, table, "t2").containsKey("expiresAt"));
  }

  private static TaskToken token(String id) {
    return new TaskToken(id, "arn:aws:states:us-east-1:000000000000:execution:m:e", 3, "Wait", 0, ISSUED.toEpochMilli());
  }

  private static String table(DynamoDbClient dynamo) {
    String table = LocalAws.uniqueName("tokens");
    Table.ensureActive(dynamo, table);
    return table;
  }

  private static Map<String, AttributeValue> raw(DynamoDbClient dynamo, String table, String token) {
    return dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(Table.PK, AttributeValue.fromS("TT#" + token), Table.SK, AttributeValue.fromS("T")))).item();
  }
}
