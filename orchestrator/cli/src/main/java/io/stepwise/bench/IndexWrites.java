package io.stepwise.bench;

import io.stepwise.aws.dynamodb.Table;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write units the table's KEYS_ONLY index is billed, which dynalite does not report: as
 * DynamoDB bills it, an entry put or removed costs one unit (an index entry is well under 1 KB),
 * a changed index key two (remove and put), an unchanged one nothing. The keys an item had are
 * remembered from the writes seen, since every write of the bench goes through the counter.
 */
final class IndexWrites {
  private final Map<String, String> indexKeys = new ConcurrentHashMap<>();

  /** Units for putting {@code item} over whatever was there. */
  long put(Map<String, AttributeValue> item) {
    String now = indexKey(item);
    String before = now == null ? indexKeys.remove(itemKey(item)) : indexKeys.put(itemKey(item), now);
    if (Objects.equals(before, now)) return 0;
    return (before == null ? 0 : 1) + (now == null ? 0 : 1);
  }

  /** Units for deleting the item with {@code key}. */
  long delete(Map<String, AttributeValue> key) {
    return indexKeys.remove(itemKey(key)) == null ? 0 : 1;
  }

  private static String itemKey(Map<String, AttributeValue> item) {
    return item.get(Table.PK).s() + "\u0000" + item.get(Table.SK).s();
  }

  private static String indexKey(Map<String, AttributeValue> item) {
    AttributeValue pk = item.get(Table.GSI1_PK);
    AttributeValue sk = item.get(Table.GSI1_SK);
    return pk == null || sk == null ? null : pk.s() + "\u0000" + sk.s();
  }
}
