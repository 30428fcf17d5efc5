package io.stepwise.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Unconditional puts of many items, 25 per BatchWriteItem, until DynamoDB has taken them all. */
final class BatchWrites {
  private BatchWrites() {}

  static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
    List<WriteRequest> writes = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
      if (writes.size() == 25) {
        write(dynamo, table, writes);
        writes = new ArrayList<>();
      }
    }
    if (!writes.isEmpty()) write(dynamo, table, writes);
  }

  /** DynamoDB may hand some writes back when throttled: send those again. */
  private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == 10) throw new IllegalStateException("DynamoDB kept " + pending + " unprocessed");
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
    }
  }
}
