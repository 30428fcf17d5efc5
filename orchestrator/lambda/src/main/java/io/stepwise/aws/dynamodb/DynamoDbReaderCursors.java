package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.s;

import io.stepwise.runtime.ReaderCursors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reader cursors as items {@code JN#joinKey / R#group} beside the join they belong to. */
public final class DynamoDbReaderCursors implements ReaderCursors {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbReaderCursors(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void put(String joinKey, List<String> cursors) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(cursors.size());
    for (int group = 0; group < cursors.size(); group++) {
      Map<String, AttributeValue> item = new HashMap<>(key(joinKey, group));
      item.put("cursor", s(cursors.get(group)));
      items.add(item);
    }
    BatchWrites.putAll(dynamo, table, items);
  }

  @Override
  public String get(String joinKey, int group) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(joinKey, group))).item();
    if (item == null || item.isEmpty()) throw new IllegalStateException("no reader cursor " + group + " for " + joinKey);
    return item.get("cursor").s();
  }

  private static Map<String, AttributeValue> key(String joinKey, int group) {
    return Map.of(Table.PK, s(Table.joinKey(joinKey)), Table.SK, s("R#" + Table.zeroPadded(group, 8)));
  }
}
