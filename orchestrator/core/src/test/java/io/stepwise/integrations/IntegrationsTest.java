package io.stepwise.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

class IntegrationsTest {
  private final Integrations integrations = Integrations.standard();

  private Integrations.Target found(String resource) {
    var lookup = integrations.lookup(resource);
    return assertInstanceOf(Integrations.Lookup.Found.class, lookup, () -> lookup.toString()).target();
  }

  private String refused(String resource) {
    return assertInstanceOf(Integrations.Lookup.Refused.class, integrations.lookup(resource)).reason();
  }

  @Test
  void optimizedIntegrations_resolveWithTheirPatterns() {
    assertEquals(IntegrationPattern.WAIT_FOR_TASK_TOKEN, found("arn:aws:states:::sns:publish.waitForTaskToken").pattern());
    assertEquals(IntegrationPattern.RUN_JOB_2, found("arn:aws:states:::states:startExecution.sync:2").pattern());
    assertEquals(IntegrationPattern.REQUEST_RESPONSE, found("arn:aws:states:::batch:submitJob").pattern());
    assertEquals(IntegrationPattern.RUN_JOB, found("arn:aws:states:::batch:submitJob.sync").pattern());
    assertTrue(refused("arn:aws:states:::batch:submitJob.sync:2").contains("batch:submitJob supports request-response, .sync"));
    assertEquals("lambda", found("arn:aws:lambda:us-east-1:123456789012:function:f:live").integration().service());
    assertEquals("invoke", found("arn:aws-us-gov:states:us-gov-west-1::lambda:invoke").integration().action());
  }

  @Test
  void awsSdk_resolvesAnyActionOfTheCatalog() {
    var target = found("arn:aws:states:::aws-sdk:s3:listObjectsV2");
    var call = assertInstanceOf(Integration.AwsCall.class, target.integration().call());
    assertEquals("s3", call.sdkService());
    assertEquals("listObjectsV2", call.sdkAction());
    assertEquals(IntegrationPattern.WAIT_FOR_TASK_TOKEN, found("arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken").pattern());
    found("arn:aws:states:::aws-sdk:rekognition:detectLabels");
    found("arn:aws:states:::aws-sdk:eventbridge:putEvents");
    found("arn:aws:states:::aws-sdk:bedrockruntime:invokeModel");
  }

  @Test
  void awsSdk_sendsAStringBlobPayloadAsItsJsonText() {
    // AWS's ETag for aws-sdk:s3:putObject with Body "text data" is the MD5 of "\"text data\"".
    var put = assertInstanceOf(Integration.AwsCall.class, found("arn:aws:states:::aws-sdk:s3:putObject").integration().call());
    JsonNode sent = put.request().apply(Json.parse("{\"Bucket\":\"b\",\"Key\":\"k\",\"Body\":\"text data\"}"), "arn");
    assertEquals("\"text data\"", sent.get("Body").textValue());
    assertEquals("b", sent.get("Bucket").textValue());
    JsonNode object = Json.parse("{\"Bucket\":\"b\",\"Key\":\"k\",\"Body\":{\"Dict\":\"Value\"}}");
    assertEquals(object, put.request().apply(object, "arn"));
    // Only a blob payload: a plain member (Key) and an action without one keep their strings.
    assertEquals("k", sent.get("Key").textValue());
    var list = assertInstanceOf(Integration.AwsCall.class, found("arn:aws:states:::aws-sdk:s3:listObjectsV2").integration().call());
    JsonNode params = Json.parse("{\"Bucket\":\"b\",\"Prefix\":\"p\"}");
    assertEquals(params, list.request().apply(params, "arn"));
  }

  @Test
  void unknownServicesActionsAndPatterns_areRefusedNamingThem() {
    assertTrue(refused("arn:aws:states:::aws-sdk:nosuchservice:doIt").contains("no service named 'nosuchservice'"));
    assertTrue(refused("arn:aws:states:::aws-sdk:s3:getObjekt").contains("has no action named 'getObjekt'"));
    assertTrue(refused("arn:aws:states:::aws-sdk:s3:getObject.sync").contains("aws-sdk integrations support"));
    assertTrue(refused("arn:aws:states:::sns:publish.sync").contains("sns:publish supports request-response, .waitForTaskToken"));
    assertTrue(refused("arn:aws:states:::foo:bar").contains("'foo:bar' is not an integration"));
    assertTrue(refused("arn:aws:states:::sns:publish.later").contains("'.later' is not a service integration pattern"));
  }

  @Test
  void errorNames_areServiceNameDotShapeWithExceptionSuffix() {
    AwsService s3 = AwsServiceCatalog.standard().service("s3").orElseThrow();
    assertEquals("S3.NoSuchKeyException", s3.errorName("NoSuchKey"));
    AwsService dynamo = AwsServiceCatalog.standard().service("dynamodb").orElseThrow();
    assertEquals("DynamoDb.ConditionalCheckFailedException", dynamo.errorName("ConditionalCheckFailedException"));
    AwsService sns = AwsServiceCatalog.standard().service("sns").orElseThrow();
    assertEquals("Sns.NotFoundException", sns.errorName("NotFound"));
    assertEquals("AcmPca", AwsServiceCatalog.standard().service("acmpca").orElseThrow().name());
  }

  @Test
  void shapes_turnPascalCaseParametersIntoWireNames_andBack_leavingMapKeys() {
    AwsService batch = AwsServiceCatalog.standard().service("batch").orElseThrow();
    var op = batch.operation("submitJob").orElseThrow();
    var wire = batch.shapes().get().toWire(Json.parse(
        "{\"JobName\":\"j\",\"JobQueue\":\"q\",\"Parameters\":{\"KeepMe\":\"v\"},"
            + "\"ContainerOverrides\":{\"Environment\":[{\"Name\":\"A\",\"Value\":\"1\"}]}}"), op.inputShape());
    assertEquals(Json.parse("{\"jobName\":\"j\",\"jobQueue\":\"q\",\"parameters\":{\"KeepMe\":\"v\"},"
        + "\"containerOverrides\":{\"environment\":[{\"name\":\"A\",\"value\":\"1\"}]}}"), wire);
    var back = batch.shapes().get().fromWire(Json.parse("{\"jobId\":\"1\",\"jobName\":\"j\"}"), op.outputShape());
    assertEquals(Json.parse("{\"JobId\":\"1\",\"JobName\":\"j\"}"), back);
  }

  @Test
  void shapes_sendJsonGivenForATextMember_asItsText() {
    AwsService sfn = AwsServiceCatalog.standard().service("sfn").orElseThrow();
    var op = sfn.operation("startExecution").orElseThrow();
    var wire = sfn.shapes().get().toWire(Json.parse("{\"StateMachineArn\":\"arn\",\"Input\":{\"key\":\"value\"}}"),
        op.inputShape());
    assertEquals(Json.parse("{\"stateMachineArn\":\"arn\",\"input\":\"{\\\"key\\\":\\\"value\\\"}\"}"), wire);
    var text = sfn.shapes().get().toWire(Json.parse("{\"Input\":\"[1]\",\"Name\":\"n\"}"), op.inputShape());
    assertEquals(Json.parse("{\"input\":\"[1]\",\"name\":\"n\"}"), text);
  }

  @Test
  void optimizedRequests_sendJsonAsText() {
    assertEquals(Json.parse("{\"TopicArn\":\"t\",\"Message\":\"{\\\"a\\\":1}\"}"),
        OptimizedRequests.snsPublish(Json.parse("{\"TopicArn\":\"t\",\"Message\":{\"a\":1}}")));
    assertEquals(Json.parse("{\"Entries\":[{\"Detail\":\"{\\\"a\\\":1}\",\"Source\":\"s\"}]}"),
        OptimizedRequests.eventsPutEvents(Json.parse("{\"Entries\":[{\"Detail\":{\"a\":1},\"Source\":\"s\"}]}"), null));
  }

  @Test
  void eventsPutEvents_appendsTheStateMachineAndExecutionToEachEntrysResources() {
    String execution = "arn:aws:states:eu-west-1:123456789012:execution:orders:run-1";
    String express = "arn:aws:states:eu-west-1:123456789012:express:orders:run-1:5c1e";
    JsonNode sent = OptimizedRequests.eventsPutEvents(
        Json.parse("{\"Entries\":[{\"Source\":\"s\"},{\"Source\":\"s\",\"Resources\":[\"r\"]}]}"), execution);
    String machine = "arn:aws:states:eu-west-1:123456789012:stateMachine:orders";
    assertEquals(Json.array().add(machine).add(execution), sent.path("Entries").path(0).path("Resources"));
    assertEquals(Json.array().add("r").add(machine).add(execution), sent.path("Entries").path(1).path("Resources"));
    assertEquals(machine, OptimizedRequests.machineArnOf(express));
  }

  @Test
  void eventsPutEvents_failsOnAFailedEntry_andNoOtherCallDoes() {
    JsonNode failed = Json.parse("{\"Entries\":[{\"ErrorCode\":\"MalformedDetail\"}],\"FailedEntryCount\":1}");
    assertEquals("EventBridge.FailedEntry", awsCall("events:putEvents").failure(failed, IntegrationPattern.REQUEST_RESPONSE));
    assertNull(awsCall("events:putEvents").failure(Json.parse("{\"Entries\":[{\"EventId\":\"1\"}],\"FailedEntryCount\":0}"),
        IntegrationPattern.REQUEST_RESPONSE));
    assertNull(awsCall("sqs:sendMessage").failure(failed, IntegrationPattern.REQUEST_RESPONSE));
  }

  /** Developer guide, connect-ecs: request-response returns the Failures, .sync and the task token fail on them. */
  @Test
  void ecsRunTask_failsOnFailures_exceptRequestResponse() {
    JsonNode failures = Json.parse("{\"Failures\":[{\"Reason\":\"RESOURCE:MEMORY\"}],\"Tasks\":[]}");
    assertNull(awsCall("ecs:runTask").failure(failures, IntegrationPattern.REQUEST_RESPONSE));
    assertEquals("AmazonECS.Unknown", awsCall("ecs:runTask").failure(failures, IntegrationPattern.RUN_JOB));
    assertEquals("AmazonECS.Unknown", awsCall("ecs:runTask").failure(failures, IntegrationPattern.WAIT_FOR_TASK_TOKEN));
    assertNull(awsCall("ecs:runTask").failure(Json.parse("{\"Failures\":[],\"Tasks\":[{}]}"), IntegrationPattern.RUN_JOB));
  }

  private static Integration.AwsCall awsCall(String serviceAction) {
    return (Integration.AwsCall) ((Integrations.Lookup.Found) Integrations.standard().lookup("arn:aws:states:::" + serviceAction))
        .target().integration().call();
  }
}
