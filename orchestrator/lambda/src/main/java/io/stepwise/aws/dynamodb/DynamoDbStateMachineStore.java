package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.n;
import static io.stepwise.aws.dynamodb.Items.s;

import io.stepwise.runtime.StateMachineStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** State machine versions as items {@code SM#arn / V#version}; a version is written once. */
public final class DynamoDbStateMachineStore implements StateMachineStore {
  private static final int ATTEMPTS = 5;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbStateMachineStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public int put(StateMachineRecord machine) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int version = latest(machine.arn()).map(StateMachineRecord::version).orElse(0) + 1;
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(Table.PK, s(Table.machineKey(machine.arn())));
      item.put(Table.SK, s(Table.versionKey(version)));
      item.put("name", s(machine.name()));
      item.put("version", n(version));
      item.put("definition", s(machine.definition()));
      item.put("roleArn", s(machine.roleArn()));
      item.put("type", s(machine.type()));
      try {
        dynamo.putItem(r -> r.tableName(table).item(item)
            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)));
        return version;
      } catch (ConditionalCheckFailedException raced) {
        // Another writer took this version number: read the latest again.
      }
    }
    throw new IllegalStateException("could not store a new version of " + machine.arn() + " after " + ATTEMPTS + " attempts");
  }

  @Override
  public Optional<StateMachineRecord> get(String arn, int version) {
    var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(Table.PK, s(Table.machineKey(arn)), Table.SK, s(Table.versionKey(version)))));
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(record(arn, response.item())) : Optional.empty();
  }

  @Override
  public Optional<StateMachineRecord> latest(String arn) {
    QueryResponse response = dynamo.query(r -> r.tableName(table).consistentRead(true).scanIndexForward(false).limit(1)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :v)")
        .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
        .expressionAttributeValues(Map.of(":pk", s(Table.machineKey(arn)), ":v", s("V#"))));
    return response.items().isEmpty() ? Optional.empty() : Optional.of(record(arn, response.items().get(0)));
  }

  private static StateMachineRecord record(String arn, Map<String, AttributeValue> item) {
    return new StateMachineRecord(arn, item.get("name").s(), Integer.parseInt(item.get("version").n()),
        item.get("definition").s(), item.get("roleArn").s(), item.get("type").s());
  }
}
