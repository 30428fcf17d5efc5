package io.stepwise.aws.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.eval.StatesError;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@code arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem}: the API's own
 * parameters (TableName, Key, Item, UpdateExpression, ConditionExpression, ExpressionAttributeNames
 * and Values, ReturnValues, ConsistentRead, ProjectionExpression), attribute values in DynamoDB
 * JSON, and the API's own result ({@code Item}, {@code Attributes}) in the same form.
 */
final class DynamoDbTasks {
  private final DynamoDbClient dynamo;

  DynamoDbTasks(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  TaskOutcome invoke(String action, JsonNode p) {
    String table = p.path("TableName").asText(null);
    if (table == null) throw StatesError.runtime("dynamodb:" + action + " needs the parameter TableName");
    try {
      return switch (action) {
        case "getItem" -> {
          GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(DynamoDbItems.toItem(p.get("Key")))
              .consistentRead(p.path("ConsistentRead").asBoolean(false))
              .projectionExpression(text(p, "ProjectionExpression")).expressionAttributeNames(names(p)));
          ObjectNode result = ServiceResults.object();
          if (r.hasItem() && !r.item().isEmpty()) result.set("Item", DynamoDbItems.toJson(r.item()));
          yield TaskOutcome.success(ServiceResults.withMetadata(result, r));
        }
        case "putItem" -> {
          PutItemResponse r = dynamo.putItem(b -> b.tableName(table).item(DynamoDbItems.toItem(p.get("Item")))
              .conditionExpression(text(p, "ConditionExpression")).expressionAttributeNames(names(p))
              .expressionAttributeValues(values(p)).returnValues(text(p, "ReturnValues")));
          yield TaskOutcome.success(ServiceResults.withMetadata(attributes(r.hasAttributes() ? r.attributes() : null), r));
        }
        case "updateItem" -> {
          UpdateItemResponse r = dynamo.updateItem(b -> b.tableName(table).key(DynamoDbItems.toItem(p.get("Key")))
              .updateExpression(text(p, "UpdateExpression")).conditionExpression(text(p, "ConditionExpression"))
              .expressionAttributeNames(names(p)).expressionAttributeValues(values(p)).returnValues(text(p, "ReturnValues")));
          yield TaskOutcome.success(ServiceResults.withMetadata(attributes(r.hasAttributes() ? r.attributes() : null), r));
        }
        case "deleteItem" -> {
          DeleteItemResponse r = dynamo.deleteItem(b -> b.tableName(table).key(DynamoDbItems.toItem(p.get("Key")))
              .conditionExpression(text(p, "ConditionExpression")).expressionAttributeNames(names(p))
              .expressionAttributeValues(values(p)).returnValues(text(p, "ReturnValues")));
          yield TaskOutcome.success(ServiceResults.withMetadata(attributes(r.hasAttributes() ? r.attributes() : null), r));
        }
        default -> throw new IllegalArgumentException("dynamodb:" + action + " is not supported");
      };
    } catch (SdkException e) {
      return ServiceResults.failure("DynamoDB", e);
    }
  }

  private static ObjectNode attributes(Map<String, AttributeValue> attributes) {
    ObjectNode result = ServiceResults.object();
    if (attributes != null && !attributes.isEmpty()) result.set("Attributes", DynamoDbItems.toJson(attributes));
    return result;
  }

  private static String text(JsonNode p, String field) {
    return p.hasNonNull(field) ? p.get(field).asText() : null;
  }

  private static Map<String, String> names(JsonNode p) {
    if (!p.has("ExpressionAttributeNames")) return null;
    Map<String, String> names = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.get("ExpressionAttributeNames").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      names.put(e.getKey(), e.getValue().asText());
    }
    return names;
  }

  private static Map<String, AttributeValue> values(JsonNode p) {
    return p.has("ExpressionAttributeValues") ? DynamoDbItems.toItem(p.get("ExpressionAttributeValues")) : null;
  }
}
