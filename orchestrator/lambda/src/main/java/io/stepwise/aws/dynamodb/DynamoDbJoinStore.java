package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.b;
import static io.stepwise.aws.dynamodb.Items.n;
import static io.stepwise.aws.dynamodb.Items.s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.json.Json;
import io.stepwise.runtime.Deflate;
import io.stepwise.runtime.JoinStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A join as items {@code JN#joinKey}: {@code J} holds the counters (one small item, updated
 * with ADD), {@code C#index} one outcome per child (deflated).
 */
public final class DynamoDbJoinStore implements JoinStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbJoinStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(String joinKey, int total, int wave, long tolerated, boolean inChildren) {
    Map<String, AttributeValue> item = new HashMap<>(key(joinKey, "J"));
    if (inChildren) item.put("inChildren", n(1));
    item.put("total", n(total));
    item.put("wave", n(wave));
    item.put("tolerated", n(tolerated));
    item.put("done", n(0));
    item.put("failed", n(0));
    try {
      dynamo.putItem(r -> r.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public Join get(String joinKey) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(joinKey, "J"))).item();
    return new Join(joinKey, Integer.parseInt(item.get("total").n()), Integer.parseInt(item.get("wave").n()),
        Long.parseLong(item.get("tolerated").n()), item.containsKey("created"), Long.parseLong(item.get("done").n()),
        Long.parseLong(item.get("failed").n()), changes(item), item.containsKey("inChildren"));
  }

  /** UpdateMapRun's values, in attributes the counters' item carries only once a Map Run was changed. */
  private static Changes changes(Map<String, AttributeValue> item) {
    if (!item.containsKey("gens")) return null;
    return new Changes(item.get("gens").s(), item.containsKey("mc") ? Integer.valueOf(item.get("mc").n()) : null,
        item.containsKey("tc") ? Long.valueOf(item.get("tc").n()) : null,
        item.containsKey("tp") ? Double.valueOf(item.get("tp").n()) : null);
  }

  @Override
  public boolean change(String joinKey, long doneSeen, Changes changes, long tolerated) {
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder set = new StringBuilder("SET gens = :gens, tolerated = :tolerated");
    values.put(":gens", s(changes.generations()));
    values.put(":tolerated", n(tolerated));
    if (changes.maxConcurrency() != null) {
      set.append(", mc = :mc");
      values.put(":mc", n(changes.maxConcurrency()));
    }
    if (changes.toleratedCount() != null) {
      set.append(", tc = :tc");
      values.put(":tc", n(changes.toleratedCount()));
    }
    if (changes.toleratedPercentage() != null) {
      set.append(", tp = :tp");
      values.put(":tp", AttributeValue.fromN(changes.toleratedPercentage().toString()));
    }
    String condition = "failed <= tolerated";
    if (doneSeen >= 0) {
      condition += " AND done = :seen";
      values.put(":seen", n(doneSeen));
    }
    String check = condition;
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(joinKey, "J")).updateExpression(set.toString())
          .conditionExpression(check).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  @Override
  public void markCreated(String joinKey) {
    dynamo.updateItem(r -> r.tableName(table).key(key(joinKey, "J")).updateExpression("SET created = :yes")
        .expressionAttributeValues(Map.of(":yes", n(1))));
  }

  @Override
  public Progress report(String joinKey, ChildOutcome outcome, int counts) {
    ObjectNode o = Json.object();
    o.put("i", outcome.index()).put("ok", outcome.succeeded());
    if (outcome.succeeded()) o.put("out", Json.write(outcome.output()));
    o.put("err", outcome.error()).put("cause", outcome.cause());
    Map<String, AttributeValue> item = new HashMap<>(key(joinKey, "C#" + Table.zeroPadded(outcome.index(), 10)));
    item.put("outcome", b(Deflate.deflateText(Json.write(o))));
    dynamo.putItem(r -> r.tableName(table).item(item));
    return count(joinKey, !outcome.succeeded(), counts);
  }

  @Override
  public Progress count(String joinKey, boolean failed, int counts) {
    if (counts == 0 && !failed) {
      Join join = get(joinKey); // counted by its chain's last child: a read, not a write
      return new Progress(join.total(), join.wave(), join.done(), join.failed(), join.tolerated(),
          join.changes() == null ? "" : join.changes().generations());
    }
    String add = counts == 0 ? "ADD failed :one" : !failed ? "ADD done :n" : "ADD done :n, failed :one";
    Map<String, AttributeValue> values = new HashMap<>();
    if (counts > 0) values.put(":n", n(counts));
    if (failed) values.put(":one", n(1));
    Map<String, AttributeValue> after = dynamo.updateItem(r -> r.tableName(table).key(key(joinKey, "J"))
        .updateExpression(add).expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)).attributes();
    return new Progress(Integer.parseInt(after.get("total").n()), Integer.parseInt(after.get("wave").n()),
        Long.parseLong(after.get("done").n()), Long.parseLong(after.get("failed").n()),
        Long.parseLong(after.get("tolerated").n()), after.containsKey("gens") ? after.get("gens").s() : "");
  }

  @Override
  public List<ChildOutcome> outcomes(String joinKey) {
    List<ChildOutcome> outcomes = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> startKey = start;
      QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("#pk = :pk AND begins_with(#sk, :c)")
          .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
          .expressionAttributeValues(Map.of(":pk", s(Table.joinKey(joinKey)), ":c", s("C#")))
          .exclusiveStartKey(startKey).build());
      for (Map<String, AttributeValue> item : page.items()) {
        JsonNode o = Json.parse(Deflate.inflateText(item.get("outcome").b().asByteArray()));
        int index = o.get("i").asInt();
        outcomes.add(o.get("ok").asBoolean()
            ? ChildOutcome.success(index, Json.parse(o.get("out").asText()))
            : ChildOutcome.failure(index, text(o.get("err")), text(o.get("cause"))));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return outcomes;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Map<String, AttributeValue> key(String joinKey, String sk) {
    return Map.of(Table.PK, s(Table.joinKey(joinKey)), Table.SK, s(sk));
  }
}
