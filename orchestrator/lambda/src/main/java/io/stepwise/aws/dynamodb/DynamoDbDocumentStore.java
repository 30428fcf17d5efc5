package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.s;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.DocumentStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Documents as items {@code DOC#group / id} holding the JSON text in {@code doc}. */
public final class DynamoDbDocumentStore implements DocumentStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbDocumentStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(String group, String id, JsonNode doc) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(group, id, doc))
          .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public void put(String group, String id, JsonNode doc) {
    dynamo.putItem(r -> r.tableName(table).item(item(group, id, doc)));
  }

  @Override
  public Optional<JsonNode> get(String group, String id) {
    var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(group, id)));
    if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
    return Optional.of(Json.parse(response.item().get("doc").s()));
  }

  @Override
  public boolean delete(String group, String id) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(key(group, id)).returnValues(ReturnValue.NONE)
          .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)));
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  @Override
  public Page list(String group, String after, int max, boolean descending) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", Table.PK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(Table.documentKey(group))));
    String condition = "#pk = :pk";
    if (after != null) {
      names.put("#sk", Table.SK);
      values.put(":after", s(after));
      condition += descending ? " AND #sk < :after" : " AND #sk > :after";
    }
    List<Entry> entries = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
          .scanIndexForward(!descending).exclusiveStartKey(start).limit(max + 1 - entries.size()).build());
      for (Map<String, AttributeValue> item : page.items()) {
        entries.add(new Entry(item.get(Table.SK).s(), Json.parse(item.get("doc").s())));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && entries.size() <= max);
    if (entries.size() <= max) return new Page(entries, null);
    return new Page(List.copyOf(entries.subList(0, max)), entries.get(max - 1).id());
  }

  private Map<String, AttributeValue> item(String group, String id, JsonNode doc) {
    Map<String, AttributeValue> item = new HashMap<>(key(group, id));
    item.put("doc", s(Json.write(doc)));
    return item;
  }

  private static Map<String, AttributeValue> key(String group, String id) {
    return Map.of(Table.PK, s(Table.documentKey(group)), Table.SK, s(id));
  }
}
