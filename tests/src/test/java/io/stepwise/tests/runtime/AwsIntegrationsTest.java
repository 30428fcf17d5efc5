package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.runtime.Pause;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The AWS integrations on the Lambda runtime against real servers: moto_server for SNS,
 * EventBridge, Glue, S3 and SQS-behind-SNS; ElasticMQ and dynalite for the runtime itself. Every
 * resource a test needs is created by the workflow itself, through {@code aws-sdk:*}.
 */
@ExtendWith(LocalAws.class)
class AwsIntegrationsTest {
  private static MotoServer moto;
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeAll
  static void startMoto() {
    assumeTrue(MotoServer.locate().isPresent(), "moto_server is not installed (pip install 'moto[server]'): skipped");
    moto = MotoServer.start();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) moto.close();
  }

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) {
    String name = LocalAws.uniqueName("aws");
    local = LocalRuntime.start(dynamo, sqs, name,
        LocalIntegrations.invoker(Map.of("dynamodb", servers.dynamoDbEndpoint()),
            moto.endpoint().toString(), servers.region().id(), name),
        // moto loads a service's backend on its first call, which can take seconds: a long
        // visibility keeps that first call from being redelivered and made twice
        new LocalRuntime.Options(30, 5, 2, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private ExecutionState run(String definition, String input) {
    ExecutionState end = ExecutionFixtures.run(runtime, LocalAws.uniqueName("m"), definition, input, Duration.ofSeconds(60));
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
    return end;
  }

  @Test
  void snsPublish_sendsJsonMessagesAsText_andReturnsTheMessageId() {
    ExecutionState end = run("""
        {"StartAt": "Topic", "States": {
          "Topic": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sns:createTopic",
            "Parameters": {"Name": "orders"}, "ResultPath": "$.topic", "Next": "Publish"},
          "Publish": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
            "Parameters": {"TopicArn.$": "$.topic.TopicArn", "Message": {"order.$": "$.order"},
              "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "new"}}},
            "ResultPath": "$.published", "End": true}}}""", "{\"order\": 7}");
    JsonNode published = end.output().get("published");
    assertFalse(published.path("MessageId").asText().isEmpty(), published.toString());
    assertEquals(200, published.path("SdkHttpMetadata").path("HttpStatusCode").asInt(), published.toString());
    JsonNode headers = published.path("SdkHttpMetadata").path("HttpHeaders");
    assertFalse(headers.isEmpty(), published.toString());
    headers.fields().forEachRemaining(h -> assertEquals(h.getValue(),
        published.path("SdkHttpMetadata").path("AllHttpHeaders").path(h.getKey()).path(0), "AllHttpHeaders lists each header's values"));
    assertTrue(end.output().path("topic").path("TopicArn").asText().endsWith(":orders"));
  }

  @Test
  void eventsPutEvents_returnsTheEventIds() {
    ExecutionState end = run("""
        {"StartAt": "Put", "States": {
          "Put": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
            "Parameters": {"Entries": [{"Source": "shop", "DetailType": "OrderPlaced", "Detail": {"id.$": "$.id"}}]},
            "End": true}}}""", "{\"id\": \"o-1\"}");
    assertEquals(0, end.output().path("FailedEntryCount").asInt(), end.output().toString());
    assertFalse(end.output().path("Entries").path(0).path("EventId").asText().isEmpty(), end.output().toString());
  }

  @Test
  void eventsPutEvents_withAFailedEntry_failsWithEventBridgeFailedEntry_causedByTheResponse() {
    ExecutionState end = run("""
        {"StartAt": "Put", "States": {
          "Put": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
            "Parameters": {"Entries": [{"Source": "shop", "DetailType": "OrderPlaced", "Detail": {"id": 1}},
              {"DetailType": "OrderPlaced", "Detail": {"id": 2}}]},
            "Catch": [{"ErrorEquals": ["EventBridge.FailedEntry"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Pass", "End": true}}}""", "{}");
    assertEquals("EventBridge.FailedEntry", end.output().path("Error").asText(), end.output().toString());
    JsonNode cause = Json.parse(end.output().path("Cause").asText());
    assertEquals(1, cause.path("FailedEntryCount").asInt(), cause.toString());
    assertFalse(cause.path("Entries").path(0).path("EventId").asText().isEmpty(), cause.toString());
    assertEquals(Json.parse("{\"ErrorCode\": \"InvalidArgument\","
        + " \"ErrorMessage\": \"Parameter Source is not valid. Reason: Source is a required argument.\"}"),
        cause.path("Entries").path(1));
  }

  @Test
  void eventsPutEvents_appendsTheMachineAndExecutionArns_toEachEntrysResources() {
    ExecutionState end = run("""
        {"StartAt": "Queue", "States": {""" + queueStates("events", "Rule") + """
          "Rule": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:eventbridge:putRule",
            "Parameters": {"Name": "orders", "EventPattern": "{\\"source\\": [\\"shop\\"]}"}, "ResultPath": null, "Next": "Target"},
          "Target": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:eventbridge:putTargets",
            "Parameters": {"Rule": "orders", "Targets": [{"Id": "queue", "Arn.$": "$.queueArn.arn"}]},
            "ResultPath": null, "Next": "Put"},
          "Put": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
            "Parameters": {"Entries": [{"Source": "shop", "DetailType": "OrderPlaced", "Detail": {"id": 1},
              "Resources": ["arn:aws:s3:::orders"]}]}, "ResultPath": null, "Next": "Receive"},
          "Receive": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:receiveMessage",
            "Parameters": {"QueueUrl.$": "$.queue.QueueUrl", "WaitTimeSeconds": 5},
            "ResultSelector": {"event.$": "States.StringToJson($.Messages[0].Body)", "execution.$": "$$.Execution.Id",
              "machine.$": "$$.StateMachine.Id"},
            "End": true}}}""", "{}");
    JsonNode out = end.output();
    assertEquals(Json.array().add("arn:aws:s3:::orders").add(out.path("machine").asText()).add(out.path("execution").asText()),
        out.path("event").path("resources"), out.toString());
  }

  /** As test_ecs_task_service recorded it: RunTask's answer carries the v1 client's SdkHttpMetadata and SdkResponseMetadata. */
  @Test
  void ecsRunTask_returnsTheTasksWithTheSdkMetadata() {
    ExecutionState end = run("""
        {"StartAt": "Cluster", "States": {
          "Cluster": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ecs:createCluster",
            "Parameters": {"ClusterName": "jobs"}, "ResultPath": null, "Next": "Definition"},
          "Definition": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ecs:registerTaskDefinition",
            "Parameters": {"Family": "nightly", "RequiresCompatibilities": ["FARGATE"], "NetworkMode": "awsvpc",
              "Cpu": "256", "Memory": "512",
              "ContainerDefinitions": [{"Name": "main", "Image": "busybox", "Essential": true, "Memory": 512}]},
            "ResultPath": null, "Next": "Subnet"},
          "Subnet": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ec2:describeSubnets",
            "ResultSelector": {"id.$": "$.Subnets[0].SubnetId"}, "ResultPath": "$.subnet", "Next": "Run"},
          "Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask",
            "Parameters": {"Cluster": "jobs", "TaskDefinition": "nightly", "LaunchType": "FARGATE",
              "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets.$": "States.Array($.subnet.id)", "SecurityGroups": ["sg-1"]}}},
            "End": true}}}""", "{}");
    JsonNode out = end.output();
    assertFalse(out.path("Tasks").path(0).path("TaskArn").asText().isEmpty(), out.toString());
    assertEquals(200, out.path("SdkHttpMetadata").path("HttpStatusCode").asInt(), out.toString());
    assertFalse(out.path("SdkResponseMetadata").path("RequestId").asText().isEmpty(), out.toString());
  }

  /** As test_aws_sdk_task_service recorded it: an object Input reaches StartExecution as its JSON text. */
  @Test
  void awsSdkSfnStartExecution_sendsAnObjectInputAsItsJsonText() {
    ExecutionState end = run("""
        {"StartAt": "Create", "States": {
          "Create": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:createStateMachine",
            "Parameters": {"Name": "target", "RoleArn": "arn:aws:iam::123456789012:role/sfn",
              "Definition": "{\\"StartAt\\": \\"P\\", \\"States\\": {\\"P\\": {\\"Type\\": \\"Pass\\", \\"End\\": true}}}"},
            "ResultPath": "$.machine", "Next": "Start"},
          "Start": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:startExecution",
            "Parameters": {"StateMachineArn.$": "$.machine.StateMachineArn", "Input": {"key": "value"}},
            "ResultPath": "$.started", "Next": "Describe"},
          "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
            "Parameters": {"ExecutionArn.$": "$.started.ExecutionArn"}, "ResultSelector": {"input.$": "$.Input"},
            "End": true}}}""", "{}");
    assertEquals(Json.parse("{\"key\": \"value\"}"), Json.parse(end.output().path("input").asText()), end.output().toString());
  }

  @Test
  void awsSdkServiceError_isCaughtByItsStepFunctionsName() {
    ExecutionState end = run("""
        {"StartAt": "Get", "States": {
          "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:getDatabase",
            "Parameters": {"Name": "missing"},
            "Catch": [{"ErrorEquals": ["Glue.EntityNotFoundException"], "Next": "Create"}], "End": true},
          "Create": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:createDatabase",
            "Parameters": {"DatabaseInput": {"Name": "created"}}, "ResultPath": null, "Next": "Again"},
          "Again": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:getDatabase",
            "Parameters": {"Name": "created"}, "ResultSelector": {"name.$": "$.Database.Name"}, "End": true}}}""", "{}");
    assertEquals(Json.parse("{\"name\": \"created\"}"), end.output());
  }

  @Test
  void awsSdkS3_putsAndGetsTextAndJsonBodies_andListsThem() {
    ExecutionState end = run("""
        {"StartAt": "Bucket", "States": {
          "Bucket": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:createBucket",
            "Parameters": {"Bucket": "reports"}, "ResultPath": null, "Next": "PutJson"},
          "PutJson": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
            "Parameters": {"Bucket": "reports", "Key": "2024/day 1.json", "Body": {"total.$": "$.total"}},
            "ResultPath": "$.put", "Next": "GetJson"},
          "GetJson": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
            "Parameters": {"Bucket": "reports", "Key": "2024/day 1.json"},
            "ResultSelector": {"body.$": "States.StringToJson($.Body)", "type.$": "$.ContentType"}, "ResultPath": "$.json",
            "Next": "List"},
          "List": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:listObjectsV2",
            "Parameters": {"Bucket": "reports"}, "ResultSelector": {"keys.$": "$.Contents[*].Key", "count.$": "$.KeyCount"},
            "ResultPath": "$.listed", "End": true}}}""", "{\"total\": 12}");
    assertEquals(Json.parse("{\"total\": 12}"), end.output().path("json").path("body"));
    assertFalse(end.output().path("put").path("ETag").asText().isEmpty(), end.output().toString());
    assertEquals(Json.parse("{\"keys\": [\"2024/day 1.json\"], \"count\": 1}"), end.output().get("listed"));
  }

  @Test
  void awsSdkS3_missingKey_isS3NoSuchKeyException() {
    ExecutionState end = ExecutionFixtures.run(runtime, LocalAws.uniqueName("m"), """
        {"StartAt": "Bucket", "States": {
          "Bucket": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:createBucket",
            "Parameters": {"Bucket": "empty"}, "ResultPath": null, "Next": "Get"},
          "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
            "Parameters": {"Bucket": "empty", "Key": "nothing"}, "End": true}}}""", "{}", Duration.ofSeconds(60));
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("S3.NoSuchKeyException", end.error(), end.cause());
  }

  @Test
  void snsPublishWaitForTaskToken_waitsForTheSubscriberToAnswer() {
    String definition = """
        {"StartAt": "Queue", "States": {""" + queueStates("workers", "Topic") + """
          "Topic": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sns:createTopic",
            "Parameters": {"Name": "jobs"}, "ResultPath": "$.topic", "Next": "Subscribe"},
          "Subscribe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sns:subscribe",
            "Parameters": {"TopicArn.$": "$.topic.TopicArn", "Protocol": "sqs", "Endpoint.$": "$.queueArn.arn",
              "Attributes": {"RawMessageDelivery": "true"}},
            "ResultPath": null, "Next": "Publish"},
          "Publish": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
            "Parameters": {"TopicArn.$": "$.topic.TopicArn", "Message": {"token.$": "$$.Task.Token", "job": 42}},
            "End": true}}}""";
    String execution = runtime.executions().start(ExecutionFixtures.machine(runtime, LocalAws.uniqueName("m"), definition),
        "e", "{}").executionArn();
    try (SqsClient motoSqs = AwsClients.sqs(moto.endpoint())) {
      Message message = awaitMessage(motoSqs, awaitQueue(motoSqs, "workers"));
      JsonNode body = Json.parse(message.body());
      assertEquals(42, body.path("job").asInt(), message.body());
      runtime.callbacks().sendTaskSuccess(body.path("token").asText(), "{\"done\": 42}");
    }
    ExecutionState end = ExecutionFixtures.await(runtime, execution, Duration.ofSeconds(30));
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
    assertEquals(Json.parse("{\"done\": 42}"), end.output());
  }

  @Test
  void glueStartJobRunSync_pollsTheJobThroughDelayedMessages_untilItSucceeds() {
    ExecutionState end = run("""
        {"StartAt": "Job", "States": {
          "Job": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:createJob",
            "Parameters": {"Name": "nightly", "Role": "arn:aws:iam::000000000000:role/glue",
              "Command": {"Name": "glueetl", "ScriptLocation": "s3://scripts/nightly.py"}},
            "ResultPath": null, "Next": "Run"},
          "Run": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync",
            "Parameters": {"JobName": "nightly"}, "Next": "Query"},
          "Query": {"Type": "Task", "Resource": "arn:aws:states:::athena:startQueryExecution.sync",
            "Parameters": {"QueryString": "SELECT 1", "WorkGroup": "primary",
              "ResultConfiguration": {"OutputLocation": "s3://results/"}},
            "ResultSelector": {"state.$": "$.QueryExecution.Status.State", "glue.$": "$$.Execution.Input"},
            "ResultPath": "$.query", "End": true}}}""", "{}");
    assertEquals("SUCCEEDED", end.output().path("JobRunState").asText(), end.output().toString());
    assertEquals("nightly", end.output().path("JobName").asText(), end.output().toString());
    assertEquals("SUCCEEDED", end.output().path("query").path("state").asText(), end.output().toString());
  }

  @Test
  void awsSdkEc2_runsDescribesAndTagsAnInstance_onTheEc2Protocol() {
    ExecutionState end = run("""
        {"StartAt": "Run", "States": {
          "Run": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ec2:runInstances",
            "Parameters": {"ImageId": "ami-12c6146b", "MinCount": 1, "MaxCount": 1, "InstanceType": "t3.micro"},
            "ResultSelector": {"id.$": "$.Instances[0].InstanceId"}, "ResultPath": "$.run", "Next": "Tag"},
          "Tag": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ec2:createTags",
            "Parameters": {"Resources.$": "States.Array($.run.id)", "Tags": [{"Key": "Environment", "Value": "Quarantine"}]},
            "ResultPath": null, "Next": "Describe"},
          "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ec2:describeInstances",
            "Parameters": {"InstanceIds.$": "States.Array($.run.id)"},
            "ResultSelector": {"id.$": "$.Reservations[0].Instances[0].InstanceId",
              "tags.$": "$.Reservations[0].Instances[0].Tags", "type.$": "$.Reservations[0].Instances[0].InstanceType"},
            "End": true}}}""", "{}");
    assertTrue(end.output().path("id").asText().startsWith("i-"), end.output().toString());
    assertEquals("t3.micro", end.output().path("type").asText(), end.output().toString());
    assertEquals(Json.parse("[{\"Key\": \"Environment\", \"Value\": \"Quarantine\"}]"), end.output().get("tags"));
  }

  /** States Queue and Attributes: create the queue {@code name} in $.queue, put its ARN in $.queueArn.arn. */
  private static String queueStates(String name, String next) {
    return """
          "Queue": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:createQueue",
            "Parameters": {"QueueName": "%s"}, "ResultPath": "$.queue", "Next": "Attributes"},
          "Attributes": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:getQueueAttributes",
            "Parameters": {"QueueUrl.$": "$.queue.QueueUrl", "AttributeNames": ["QueueArn"]},
            "ResultSelector": {"arn.$": "$.Attributes.QueueArn"}, "ResultPath": "$.queueArn", "Next": "%s"},""".formatted(name, next);
  }

  /** The workflow creates the queue itself: wait until it has. */
  private static String awaitQueue(SqsClient sqs, String name) {
    for (int i = 0; i < 200; i++) {
      var urls = sqs.listQueues(r -> r.queueNamePrefix(name)).queueUrls();
      if (!urls.isEmpty()) return urls.get(0);
      Pause.millis(100);
    }
    throw new AssertionError("the workflow did not create queue " + name);
  }

  private static Message awaitMessage(SqsClient sqs, String queueUrl) {
    for (int i = 0; i < 100; i++) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
      if (!messages.isEmpty()) return messages.get(0);
      Pause.millis(100);
    }
    throw new AssertionError("no message reached " + queueUrl);
  }
}
