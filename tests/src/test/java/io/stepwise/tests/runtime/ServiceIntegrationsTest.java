package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS and DynamoDB service integrations, on ElasticMQ and dynalite through the runtime. */
@ExtendWith(LocalAws.class)
class ServiceIntegrationsTest {
  private LocalRuntime local;
  private Runtime runtime;
  private SqsClient sqs;
  private DynamoDbClient dynamo;
  private String table;
  private String queue;
  private String runtimeName;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
    this.dynamo = dynamo;
    this.sqs = sqs;
    table = LocalAws.uniqueName("orders");
    dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    Table.awaitActive(dynamo, table);
    queue = sqs.createQueue(r -> r.queueName(LocalAws.uniqueName("shipments"))).queueUrl();
    runtimeName = LocalAws.uniqueName("services");
    local = LocalRuntime.start(dynamo, sqs, runtimeName,
        LocalIntegrations.invoker(Map.of("sqs", servers.sqsEndpoint(), "dynamodb", servers.dynamoDbEndpoint()),
            null, servers.region().id(), runtimeName), new LocalRuntime.Options(2, 5, 2, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private ExecutionState run(String name, String definition, String input) {
    return ExecutionFixtures.run(runtime, name, definition, input, Duration.ofSeconds(30));
  }

  @Test
  void putGetAndSend_throughTheServicesOwnApis() {
    String definition = """
        {"StartAt": "Put", "States": {
          "Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "ResultPath": null,
            "Parameters": {"TableName": "%1$s", "Item": {"id": {"S.$": "$.id"}, "name": {"S.$": "$.name"}},
              "ConditionExpression": "attribute_not_exists(id)"},
            "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"], "ResultPath": "$.duplicate", "Next": "Get"}],
            "Next": "Get"},
          "Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
            "Parameters": {"TableName": "%1$s", "Key": {"id": {"S.$": "$.id"}}},
            "ResultSelector": {"name.$": "$.Item.name.S"}, "ResultPath": "$.stored", "Next": "Send"},
          "Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
            "Parameters": {"QueueUrl": "%2$s", "MessageBody.$": "$.stored"},
            "ResultSelector": {"sent.$": "$.MessageId"}, "ResultPath": "$.message", "End": true}}}"""
        .formatted(table, queue);
    ExecutionState first = run("services", definition, "{\"id\": \"o-1\", \"name\": \"Ada\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, first.status(), first.error() + " " + first.cause());
    assertEquals(Json.parse("{\"name\": \"Ada\"}"), first.output().get("stored"));
    assertEquals("Ada", dynamo.getItem(r -> r.tableName(table).key(Map.of("id",
        AttributeValue.fromS("o-1")))).item().get("name").s());
    var messages = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(2)).messages();
    assertEquals(1, messages.size());
    assertEquals(Json.parse("{\"name\": \"Ada\"}"), Json.parse(messages.get(0).body()));

    ExecutionState again = run("services-again", definition, "{\"id\": \"o-1\", \"name\": \"Grace\"}");
    assertEquals("DynamoDB.ConditionalCheckFailedException", again.output().path("duplicate").path("Error").asText());
    assertEquals("Ada", again.output().path("stored").path("name").asText(), "the condition kept the first item");
  }

  @Test
  void aTaskOnStepwisesOwnTableOrQueue_failsAccessDenied_withoutTouchingThem() {
    String definition = """
        {"StartAt": "Forge", "States": {
          "Forge": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
            "Parameters": {"TableName": "%1$s", "Item": {"pk": {"S": "EX#forged"}, "sk": {"S": "x"}}},
            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.table", "Next": "Inject"}], "End": true},
          "Inject": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:sendMessage",
            "Parameters": {"QueueUrl": "%2$s", "MessageBody": "{}"},
            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.queue", "Next": "Done"}], "End": true},
          "Done": {"Type": "Succeed"}}}""".formatted(runtimeName, local.queueUrl());
    ExecutionState end = run("forge", definition, "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + " " + end.cause());
    assertTrue(end.output().path("table").path("Cause").asText().contains("Access denied"), end.output().toString());
    assertTrue(end.output().path("queue").path("Cause").asText().contains("Access denied"), end.output().toString());
    assertTrue(dynamo.scan(r -> r.tableName(runtimeName)).items().stream()
        .noneMatch(item -> item.containsKey("pk") && item.get("pk").s().equals("EX#forged")), "the table was not touched");
  }

  /** Each service error's name and cause, caught into the output. */
  private JsonNode caught(String name, String resource, String parameters) {
    String definition = """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::%s", "Parameters": %s,
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
          "Done": {"Type": "Succeed"}}}""".formatted(resource, parameters);
    ExecutionState end = run(name, definition, "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + " " + end.cause());
    return end.output();
  }

  /**
   * As AWS's test_task_service_dynamodb and test_aws_sdk recordings name them: the optimized
   * integration through the SDK v1 (AmazonDynamoDBException for the unmodelled ValidationException),
   * aws-sdk through the v2 (DynamoDbException), a modelled error under its own name in both.
   */
  @Test
  void dynamoDbErrors_areNamedAsTheSdkStepFunctionsCallsThrough() {
    String nullItem = "{\"TableName\": \"%s\", \"Item\": null}".formatted(table);
    String missingTable = "{\"TableName\": \"%s-missing\", \"Item\": {\"id\": {\"S\": \"id1\"}}}".formatted(table);
    String invalid = "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null";

    JsonNode optimized = caught("v1-invalid", "dynamodb:putItem", nullItem);
    assertEquals("DynamoDB.AmazonDynamoDBException", optimized.path("Error").asText(), optimized.toString());
    assertTrue(optimized.path("Cause").asText().matches(Pattern.quote(invalid + " (Service: AmazonDynamoDBv2; Status Code: 400; "
        + "Error Code: ValidationException; Request ID: ") + "[^;]+; Proxy: null\\)"), optimized.toString());

    JsonNode notFound = caught("v1-missing", "dynamodb:putItem", missingTable);
    assertEquals("DynamoDB.ResourceNotFoundException", notFound.path("Error").asText(), notFound.toString());
    assertTrue(notFound.path("Cause").asText().startsWith("Requested resource not found (Service: AmazonDynamoDBv2; "
        + "Status Code: 400; Error Code: ResourceNotFoundException; Request ID: "), notFound.toString());

    JsonNode sdk = caught("v2-invalid", "aws-sdk:dynamodb:putItem", nullItem);
    assertEquals("DynamoDb.DynamoDbException", sdk.path("Error").asText(), sdk.toString());
    assertTrue(sdk.path("Cause").asText().matches(Pattern.quote(invalid + " (Service: DynamoDb, Status Code: 400, Request ID: ")
        + "[^,]+\\)"), sdk.toString());

    JsonNode sdkNotFound = caught("v2-missing", "aws-sdk:dynamodb:putItem", missingTable);
    assertEquals("DynamoDb.ResourceNotFoundException", sdkNotFound.path("Error").asText(), sdkNotFound.toString());
    assertTrue(sdkNotFound.path("Cause").asText().startsWith("Requested resource not found (Service: DynamoDb, Status Code: 400, "),
        sdkNotFound.toString());
  }
}
