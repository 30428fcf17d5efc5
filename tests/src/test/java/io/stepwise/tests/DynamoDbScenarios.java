package io.stepwise.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.aws.dynamodb.Table;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB steps shared by the dynalite and LocalStack tests, so both servers are held to the
 * same expectations. Tables have the orchestrator's key shape: a string partition key {@code pk}
 * and a numeric sort key {@code sk} (an execution id and a sequence number).
 */
final class DynamoDbScenarios {
  private DynamoDbScenarios() {}

  /** Creates an on-demand table and waits until it is ACTIVE. */
  static void createTable(DynamoDbClient dynamo, String table) {
    dynamo.createTable(
        create ->
            create
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .keySchema(keyElement("pk", KeyType.HASH), keyElement("sk", KeyType.RANGE)));
    Table.awaitActive(dynamo, table);
  }

  static Map<String, AttributeValue> item(String pk, int sk, String state) {
    return Map.of("pk", s(pk), "sk", n(sk), "state", s(state));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** The first insert-if-absent of a key wins; the second fails and leaves the item alone. */
  static void putIfAbsentOnlyOnce(DynamoDbClient dynamo, String table) {
    PutItemRequest.Builder putIfAbsent =
        PutItemRequest.builder()
            .tableName(table)
            .conditionExpression("attribute_not_exists(pk)");

    dynamo.putItem(putIfAbsent.item(item("exec-1", 1, "first")).build());

    assertThrows(
        ConditionalCheckFailedException.class,
        () -> dynamo.putItem(putIfAbsent.item(item("exec-1", 1, "second")).build()));
    Map<String, AttributeValue> stored =
        dynamo.getItem(get -> get.tableName(table).key(key("exec-1", 1)).consistentRead(true))
            .item();
    assertEquals(s("first"), stored.get("state"));
  }

  static Map<String, AttributeValue> key(String pk, int sk) {
    return Map.of("pk", s(pk), "sk", n(sk));
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement keyElement(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
