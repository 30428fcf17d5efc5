package io.stepwise.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import io.stepwise.tests.MotoRuntimes;
import io.stepwise.tests.http.RecordingServer.Answer;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * apigateway:invoke and http:invoke on the Lambda runtime, calling a real HTTP server on
 * 127.0.0.1; the HTTP Task's EventBridge connections (and their Secrets Manager secrets) live on
 * moto_server, created by the workflows themselves.
 */
@ExtendWith(LocalAws.class)
class HttpIntegrationsTest {
  private static MotoServer moto;
  private RecordingServer api;
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeAll
  static void startMoto() {
    moto = MotoRuntimes.startMotoOrSkip();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) moto.close();
  }

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) throws Exception {
    api = new RecordingServer();
    local = MotoRuntimes.start(dynamo, sqs, servers, moto, "http");
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
    api.close();
  }

  private ExecutionState run(String definition, String input) {
    return ExecutionFixtures.run(runtime, LocalAws.uniqueName("m"), definition, input, Duration.ofSeconds(60));
  }

  private static void assertSucceeded(ExecutionState end) {
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
  }

  @Test
  void apiGatewayInvoke_callsStagePathAndQuery_andParsesTheJsonBody() throws Exception {
    api.answer("/prod/pets/7", r -> new Answer(200, "application/json", "{\"id\": 7, \"kind\": \"cat\"}"));
    ExecutionState end = run("""
        {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::apigateway:invoke",
          "Parameters": {"ApiEndpoint": "%s", "Method": "GET", "Stage": "prod", "Path.$": "$.path",
            "QueryParameters": {"view": ["full", "short"]}, "Headers": {"Trace": ["t-1"]}},
          "End": true}}}""".formatted(api.host()), "{\"path\": \"pets/7\"}");
    assertSucceeded(end);
    RecordingServer.Seen seen = api.next();
    assertEquals("GET", seen.method());
    assertEquals("view=full&view=short", seen.query());
    assertEquals("t-1", seen.header("Trace"));
    assertNull(seen.header("Authorization"), "NO_AUTH sends no signature");
    JsonNode out = end.output();
    assertEquals(Json.parse("{\"id\": 7, \"kind\": \"cat\"}"), out.get("ResponseBody"));
    assertEquals(200, out.get("StatusCode").asInt());
    assertEquals("OK", out.get("StatusText").asText());
    assertEquals("application/json", out.path("Headers").path("Content-type").path(0).asText(), out.toString());
  }

  @Test
  void apiGatewayInvoke_iamRole_signsForExecuteApi_andDropsNullsFromTheBody() throws Exception {
    api.answer("/pets", r -> new Answer(201, "text/plain", "created"));
    ExecutionState end = run("""
        {"StartAt": "Post", "States": {"Post": {"Type": "Task", "Resource": "arn:aws:states:::apigateway:invoke",
          "Parameters": {"ApiEndpoint": "%s", "Method": "POST", "Path": "pets", "AuthType": "IAM_ROLE",
            "RequestBody": {"NewPet": {"type": "turtle", "category": null}}},
          "End": true}}}""".formatted(api.host()), "{}");
    assertSucceeded(end);
    RecordingServer.Seen seen = api.next();
    assertEquals(Json.parse("{\"NewPet\": {\"type\": \"turtle\"}}"), Json.parse(seen.body()));
    String authorization = seen.header("Authorization");
    assertTrue(authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
        && authorization.contains("/execute-api/aws4_request"), String.valueOf(authorization));
    assertEquals("created", end.output().get("ResponseBody").asText());
    assertEquals(201, end.output().get("StatusCode").asInt());
  }

  @Test
  void apiGatewayInvoke_non2xx_isCaughtAsApiGatewayStatus_withTheBodyAsCause() {
    api.answer("/prod/secret", r -> new Answer(403, "application/json", "{\"message\":\"Missing Authentication Token\"}"));
    ExecutionState end = run("""
        {"StartAt": "Get", "States": {
          "Get": {"Type": "Task", "Resource": "arn:aws:states:::apigateway:invoke",
            "Parameters": {"ApiEndpoint": "%s", "Method": "GET", "Stage": "prod", "Path": "secret"},
            "Catch": [{"ErrorEquals": ["ApiGateway.403"], "ResultPath": "$.error", "Next": "Denied"}], "End": true},
          "Denied": {"Type": "Pass", "End": true}}}""".formatted(api.host()), "{}");
    assertSucceeded(end);
    assertEquals(Json.parse("{\"Error\": \"ApiGateway.403\", \"Cause\": \"{\\\"message\\\":\\\"Missing Authentication Token\\\"}\"}"),
        end.output().get("error"));
  }

  @Test
  void apiGatewayInvokeWaitForTaskToken_waitsForTheApiToAnswerTheToken() throws Exception {
    api.answer("/jobs", r -> new Answer(202, "application/json", "{}"));
    String definition = """
        {"StartAt": "Submit", "States": {"Submit": {"Type": "Task",
          "Resource": "arn:aws:states:::apigateway:invoke.waitForTaskToken",
          "Parameters": {"ApiEndpoint": "%s", "Method": "POST", "Path": "jobs",
            "Headers": {"TaskToken.$": "States.Array($$.Task.Token)"}, "RequestBody": {"job": 42}},
          "End": true}}}""".formatted(api.host());
    String execution = runtime.executions().start(ExecutionFixtures.machine(runtime, LocalAws.uniqueName("m"), definition),
        "e", "{}").executionArn();
    RecordingServer.Seen seen = api.next();
    assertEquals(Json.parse("{\"job\": 42}"), Json.parse(seen.body()));
    runtime.callbacks().sendTaskSuccess(seen.header("TaskToken"), "{\"done\": 42}");
    ExecutionState end = ExecutionFixtures.await(runtime, execution, Duration.ofSeconds(30));
    assertSucceeded(end);
    assertEquals(Json.parse("{\"done\": 42}"), end.output());
  }

  /** A state that creates an EventBridge connection on moto and puts its ARN at $.connection. */
  private static String connection(String authorizationType, String authParameters, String next) {
    return """
        "Connection": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:eventbridge:createConnection",
          "Parameters": {"Name.$": "States.Format('c-{}', States.UUID())", "AuthorizationType": "%s",
            "AuthParameters": %s},
          "ResultSelector": {"arn.$": "$.ConnectionArn"}, "ResultPath": "$.connection", "Next": "%s"}"""
        .formatted(authorizationType, authParameters, next);
  }

  @Test
  void httpInvoke_apiKeyConnection_addsItsKeyAndParameters_andUrlEncodesTheBody() throws Exception {
    api.answer("/v1/invoices", r -> new Answer(200, "application/json; charset=utf-8", "{\"invoice\": \"in_1\"}"));
    ExecutionState end = run("""
        {"StartAt": "Connection", "States": {%s,
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
            "Parameters": {"ApiEndpoint": "%s", "Method": "POST",
              "Authentication": {"ConnectionArn.$": "$.connection.arn"},
              "Headers": {"Content-Type": "application/x-www-form-urlencoded", "Mode": "task"},
              "QueryParameters": {"expand": "lines"},
              "RequestBody": {"customer.$": "$.customer", "tags": ["a", "b"], "metadata": {"order details": "monthly"}},
              "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "BRACKETS"}}},
            "ResultSelector": {"body.$": "$.ResponseBody", "status.$": "$.StatusCode"}, "End": true}}}"""
        .formatted(connection("API_KEY", """
            {"ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": "sk_test_1"},
             "InvocationHttpParameters": {"HeaderParameters": [{"Key": "Mode", "Value": "connection"}],
               "QueryStringParameters": [{"Key": "region", "Value": "eu"}],
               "BodyParameters": [{"Key": "source", "Value": "stepwise"}]}}""", "Call"),
            api.url("/v1/invoices")), "{\"customer\": \"cus 9\"}");
    assertSucceeded(end);
    RecordingServer.Seen seen = api.next();
    assertEquals("sk_test_1", seen.header("x-api-key"));
    assertEquals("connection", seen.header("Mode"), "the connection's header wins");
    assertTrue(seen.header("User-agent").startsWith("Amazon|StepFunctions|HttpInvoke|"), seen.headers().toString());
    assertEquals("bytes=0-262144", seen.header("Range"));
    assertEquals("expand=lines&region=eu", seen.query());
    assertEquals("customer=cus%209&tags%5B%5D=a&tags%5B%5D=b&metadata%5Border%20details%5D=monthly&source=stepwise",
        seen.body());
    assertEquals(Json.parse("{\"body\": {\"invoice\": \"in_1\"}, \"status\": 200}"), end.output());
  }

  @Test
  void httpInvoke_non2xx_isCaughtAsStatesHttpStatusCode_withTheStatusTextAsCause() {
    ExecutionState end = run("""
        {"StartAt": "Connection", "States": {%s,
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
            "Parameters": {"ApiEndpoint": "%s", "Method": "GET", "InvocationConfig": {"ConnectionArn.$": "$.connection.arn"}},
            "Catch": [{"ErrorEquals": ["States.Http.StatusCode.404"], "ResultPath": "$.error", "Next": "Missing"}],
            "End": true},
          "Missing": {"Type": "Pass", "OutputPath": "$.error", "End": true}}}"""
        .formatted(connection("BASIC", "{\"BasicAuthParameters\": {\"Username\": \"u\", \"Password\": \"p\"}}", "Call"),
            api.url("/nothing")), "{}");
    assertSucceeded(end);
    assertEquals(Json.parse("{\"Error\": \"States.Http.StatusCode.404\", \"Cause\": \"Not Found\"}"), end.output());
  }

  @Test
  void httpInvoke_basicAndOAuthConnections_authorizeTheCall() throws Exception {
    api.answer("/token", r -> new Answer(200, "application/json", "{\"access_token\": \"tok-1\", \"token_type\": \"Bearer\"}"));
    api.answer("/me", r -> new Answer(200, "text/plain", "hello " + r.header("Authorization")));
    ExecutionState end = run("""
        {"StartAt": "Connection", "States": {%s,
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
            "Parameters": {"ApiEndpoint": "%s", "Method": "GET", "Authentication": {"ConnectionArn.$": "$.connection.arn"}},
            "OutputPath": "$.ResponseBody", "End": true}}}"""
        .formatted(connection("OAUTH_CLIENT_CREDENTIALS", """
            {"OAuthParameters": {"ClientParameters": {"ClientID": "client-1", "ClientSecret": "s3cret"},
              "AuthorizationEndpoint": "%s", "HttpMethod": "POST",
              "OAuthHttpParameters": {"BodyParameters": [{"Key": "scope", "Value": "read"}]}}}"""
            .formatted(api.url("/token")), "Call"), api.url("/me")), "{}");
    assertSucceeded(end);
    RecordingServer.Seen token = api.next();
    assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:s3cret".getBytes()), token.header("Authorization"));
    assertEquals("scope=read&grant_type=client_credentials", token.body());
    assertEquals("hello Bearer tok-1", end.output().asText());
  }

  @Test
  void httpInvoke_unknownConnection_failsAsConnectionResourceNotFound() {
    ExecutionState end = run("""
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
          "Parameters": {"ApiEndpoint": "%s", "Method": "GET",
            "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/missing/0000"}},
          "End": true}}}""".formatted(api.url("/x")), "{}");
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("Events.ConnectionResource.ResourceNotFound", end.error(), end.cause());
  }
}
