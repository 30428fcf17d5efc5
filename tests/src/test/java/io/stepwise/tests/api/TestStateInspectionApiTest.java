package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stepwise.json.Json;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.tests.LocalAws;
import io.stepwise.tests.MotoRuntimes;
import io.stepwise.tests.http.RecordingServer;
import io.stepwise.tests.http.RecordingServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionData;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MockResponseValidationMode;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * TestState to the 2025 API through the real SfnClient (and boto3): the data at each processing
 * step, mocked results checked against the integration's result shape, and at TRACE an HTTP
 * Task's request and response, its connection's secrets hidden unless revealSecrets.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestStateInspectionApiTest {
  private MotoServer moto;
  private RecordingServer api;
  private LocalRuntime local;
  private LocalApiServer server;
  private SfnClient sfn;
  private String connectionArn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) throws Exception {
    moto = MotoRuntimes.startMotoOrSkip();
    api = new RecordingServer();
    local = MotoRuntimes.start(dynamo, sqs, servers, moto, "teststate");
    server = LocalApiServer.start(0, local.runtime());
    sfn = ApiStack.client(server.endpoint());
    // TestState with no mock calls for real: here, it creates the connection the HTTP Task needs.
    TestStateResponse created = sfn.testState(r -> r.input("{}").roleArn(ApiStack.ROLE).definition("""
        {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:eventbridge:createConnection",
         "Parameters": {"Name": "stripe", "AuthorizationType": "API_KEY",
           "AuthParameters": {"ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": "sk_live_secret"}}},
         "End": true}"""));
    assertEquals(TestExecutionStatus.SUCCEEDED, created.status(), created.error() + ": " + created.cause());
    connectionArn = Json.parse(created.output()).get("ConnectionArn").asText();
  }

  @AfterAll
  void stop() {
    if (server != null) server.close();
    if (local != null) local.close();
    if (api != null) api.close();
    if (moto != null) moto.close();
  }

  @Test
  void debug_showsTheDataAfterEachJsonPathStep() {
    String task = """
        {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.order",
         "Parameters": {"FunctionName": "price", "Payload.$": "$"}, "ResultSelector": {"total.$": "$.Payload.total"},
         "ResultPath": "$.priced", "Next": "Ship"}""";
    InspectionData data = sfn.testState(r -> r.definition(task).input("{\"order\": {\"id\": 7}}")
        .inspectionLevel(InspectionLevel.DEBUG).mock(m -> m.result("{\"StatusCode\": 200, \"Payload\": {\"total\": 12}}")))
        .inspectionData();
    assertEquals("{\"order\":{\"id\":7}}", data.input());
    assertEquals("{\"id\":7}", data.afterInputPath());
    assertEquals("{\"FunctionName\":\"price\",\"Payload\":{\"id\":7}}", data.afterParameters());
    assertEquals("{\"StatusCode\":200,\"Payload\":{\"total\":12}}", data.result());
    assertEquals("{\"total\":12}", data.afterResultSelector());
    assertEquals("{\"order\":{\"id\":7},\"priced\":{\"total\":12}}", data.afterResultPath());
  }

  @Test
  void debug_inJsonata_showsTheArguments_andACatchIndex() {
    String task = """
        {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke",
         "Arguments": {"FunctionName": "f", "Payload": "{% $states.input.n * 2 %}"},
         "Catch": [{"ErrorEquals": ["Other"], "Next": "A"}, {"ErrorEquals": ["States.ALL"], "Next": "B"}], "Next": "C"}""";
    TestStateResponse ok = sfn.testState(r -> r.definition(task).input("{\"n\": 4}").inspectionLevel(InspectionLevel.DEBUG)
        .mock(m -> m.result("{\"Payload\": 1}")));
    assertEquals("{\"FunctionName\":\"f\",\"Payload\":8}", ok.inspectionData().afterArguments());
    TestStateResponse caught = sfn.testState(r -> r.definition(task).input("{\"n\": 4}").inspectionLevel(InspectionLevel.DEBUG)
        .mock(m -> m.errorOutput(e -> e.error("Boom").cause("no"))));
    assertEquals(TestExecutionStatus.CAUGHT_ERROR, caught.status());
    assertEquals(1, caught.inspectionData().errorDetails().catchIndex());
  }

  @Test
  void mockedResults_areCheckedAgainstTheIntegrationsResultShape_perFieldValidationMode() {
    String lambda = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true}";
    ValidationException wrongType = assertThrows(ValidationException.class, () -> sfn.testState(r -> r.definition(lambda)
        .input("{}").mock(m -> m.result("{\"StatusCode\": \"two hundred\"}"))));
    assertTrue(wrongType.getMessage().startsWith("Mock result schema validation error: Field 'StatusCode' must be a number"),
        wrongType.getMessage());
    assertEquals(TestExecutionStatus.SUCCEEDED, sfn.testState(r -> r.definition(lambda).input("{}")
        .mock(m -> m.result("{\"StatusCode\": \"two hundred\"}").fieldValidationMode(MockResponseValidationMode.NONE))).status());

    String http = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::http:invoke\", \"Parameters\": {\"ApiEndpoint\": "
        + "\"https://api.example.com\", \"Method\": \"GET\", \"Authentication\": {\"ConnectionArn\": \"" + connectionArn + "\"}}, "
        + "\"End\": true}";
    ValidationException missing = assertThrows(ValidationException.class, () -> sfn.testState(r -> r.definition(http)
        .input("{}").mock(m -> m.result("{\"ResponseBody\": {}}"))));
    assertTrue(missing.getMessage().startsWith("Mock result schema validation error: Required field 'StatusCode' is missing"),
        missing.getMessage());
    assertEquals(TestExecutionStatus.SUCCEEDED, sfn.testState(r -> r.definition(http).input("{}")
        .mock(m -> m.result("{\"ResponseBody\": {}}").fieldValidationMode(MockResponseValidationMode.PRESENT))).status());

    // sns:publish is checked against SNS's own Publish response (the catalog keeps the query protocol's shapes); a
    // field the API does not name passes, as on AWS.
    String sns = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sns:publish\", \"End\": true}";
    ValidationException wrongId = assertThrows(ValidationException.class, () -> sfn.testState(r -> r.definition(sns)
        .input("{}").mock(m -> m.result("{\"MessageId\": 7}"))));
    assertEquals("Mock result schema validation error: Field 'MessageId' must be a string", wrongId.awsErrorDetails().errorMessage());
    assertEquals("{\"MessageId\":\"m-1\",\"Colour\":\"red\"}", sfn.testState(r -> r.definition(sns).input("{}")
        .mock(m -> m.result("{\"MessageId\": \"m-1\", \"Colour\": \"red\"}"))).output());
  }

  @Test
  void aMockedParallel_isItsBranchesResults_andAnErrorMustComeFromAStateInsideIt() {
    String parallel = """
        {"Type": "Parallel", "QueryLanguage": "JSONata", "Output": "{% $sum($states.result) %}",
         "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                      {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}], "End": true}""";
    TestStateResponse summed = sfn.testState(r -> r.definition(parallel).input("{}").mock(m -> m.result("[2, 3]")));
    assertEquals(TestExecutionStatus.SUCCEEDED, summed.status());
    assertEquals("5", summed.output());
    ValidationException outside = assertThrows(ValidationException.class, () -> sfn.testState(r -> r.definition(parallel)
        .input("{}").mock(m -> m.errorOutput(e -> e.error("Boom"))).stateConfiguration(c -> c.errorCausedByState("Elsewhere"))));
    assertEquals("stateConfiguration.errorCausedByState 'Elsewhere' is not a state of the tested Map's ItemProcessor or "
        + "Parallel's branches", outside.awsErrorDetails().errorMessage());
    TestStateResponse failed = sfn.testState(r -> r.definition(parallel).input("{}")
        .mock(m -> m.errorOutput(e -> e.error("Boom").cause("in B"))).stateConfiguration(c -> c.errorCausedByState("B")));
    assertEquals(TestExecutionStatus.FAILED, failed.status());
    assertEquals("in B", failed.cause());
  }

  @Test
  void aMockedResultWriterMap_isWhatItWrites_throughItsResultSelector() {
    String map = """
        {"Type": "Map", "ItemsPath": "$.Values", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
         "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "jobs"}},
         "ResultSelector": {"written.$": "$.ResultWriterDetails.Key"}, "End": true}""";
    String written = "{\"MapRunArn\": \"arn:aws:states:us-east-1:000000000000:mapRun:m/Map:e\", "
        + "\"ResultWriterDetails\": {\"Bucket\": \"results\", \"Key\": \"jobs/manifest.json\"}}";
    TestStateResponse response = sfn.testState(r -> r.definition(map).input("{\"Values\": [1, 2]}")
        .inspectionLevel(InspectionLevel.DEBUG).mock(m -> m.result(written)));
    assertEquals(TestExecutionStatus.SUCCEEDED, response.status(), response.error() + ": " + response.cause());
    assertEquals("{\"written\":\"jobs/manifest.json\"}", response.output());
    assertEquals("{\"written\":\"jobs/manifest.json\"}", response.inspectionData().afterResultSelector());
  }

  @Test
  void trace_showsTheHttpTasksRequestAndResponse_withTheConnectionsKeyOnlyWhenRevealed() {
    api.answer("/v1/customers", r -> new Answer(200, "application/json", "{\"data\": []}"));
    String task = """
        {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
         "Parameters": {"ApiEndpoint": "%s", "Method": "GET", "QueryParameters": {"limit": "3"},
           "Authentication": {"ConnectionArn": "%s"}}, "ResultSelector": {"data.$": "$.ResponseBody.data"}, "End": true}"""
        .formatted(api.url("/v1/customers"), connectionArn);
    TestStateResponse hidden = sfn.testState(r -> r.definition(task).input("{}").roleArn(ApiStack.ROLE)
        .inspectionLevel(InspectionLevel.TRACE));
    assertEquals(TestExecutionStatus.SUCCEEDED, hidden.status(), hidden.error() + ": " + hidden.cause());
    assertEquals("{\"data\":[]}", hidden.output());
    assertEquals("GET", hidden.inspectionData().request().method());
    assertEquals(api.url("/v1/customers") + "?limit=3", hidden.inspectionData().request().url());
    assertFalse(hidden.inspectionData().request().headers().contains("sk_live_secret"), hidden.inspectionData().request().headers());
    assertTrue(hidden.inspectionData().request().headers().contains("Range: bytes=0-262144"));
    assertEquals("200", hidden.inspectionData().response().statusCode());
    assertEquals("{\"data\": []}", hidden.inspectionData().response().body());

    TestStateResponse revealed = sfn.testState(r -> r.definition(task).input("{}").roleArn(ApiStack.ROLE)
        .inspectionLevel(InspectionLevel.TRACE).revealSecrets(true));
    assertTrue(revealed.inspectionData().request().headers().contains("x-api-key: sk_live_secret"),
        revealed.inspectionData().request().headers());
  }

  @Test
  void boto3_seesTheSameInspection() throws Exception {
    assumeTrue(new ProcessBuilder("python3", "-c", "import boto3").start().waitFor() == 0, "python3 with boto3 is missing");
    api.answer("/ping", r -> new Answer(200, "text/plain", "pong"));
    Path script = Path.of("src/test/resources/clients/boto3_test_state.py").toAbsolutePath();
    Path log = Files.createTempFile("boto3-test-state", ".log");
    Process process = new ProcessBuilder("python3", script.toString(), server.endpoint().toString(), api.url("/ping"),
        connectionArn).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "boto3 did not finish");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("TEST STATE OK"), output);
  }
}
