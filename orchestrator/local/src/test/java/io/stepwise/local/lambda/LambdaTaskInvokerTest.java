package io.stepwise.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.json.Json;
import io.stepwise.local.lambda.handlers.Recorder;
import io.stepwise.local.lambda.handlers.Sleeper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LambdaTaskInvoker → the protocol-level caller → the local host → test handlers: no mocks. */
class LambdaTaskInvokerTest {
  static final String INVOKE = "arn:aws:states:::lambda:invoke";
  static LocalLambdaHost host;
  static LambdaTaskInvoker invoker;

  @BeforeAll
  static void start() {
    host = TestFunctions.register(LocalLambdaHost.start());
    invoker = LocalIntegrations.lambda(host.endpoint(), host.region());
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  static Command.InvokeTask task(String resource, String payloadJson) {
    return task(resource, payloadJson, null);
  }

  static Command.InvokeTask task(String resource, String payloadJson, Integer timeoutSeconds) {
    return new Command.InvokeTask("arn:aws:states:us-east-1:000000000000:execution:m:e", "Start", resource,
        Json.parse(payloadJson), null, timeoutSeconds, null, null);
  }

  static TaskOutcome service(String parametersJson) {
    return invoker.invoke(task(INVOKE, parametersJson));
  }

  @Test
  void givenEchoFunction_whenInvokedAsService_thenTheResultHasStepFunctionsShape() {
    TaskOutcome outcome = service("{\"FunctionName\":\"echo\",\"Payload\":{\"body\":\"string body\"}}");

    assertTrue(outcome.succeeded(), String.valueOf(outcome));
    JsonNode result = outcome.result();
    // Keys as in case base_scenarios__lambda_service_invoke.
    assertEquals(List.of("ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"), names(result));
    assertEquals("$LATEST", result.get("ExecutedVersion").textValue());
    assertEquals(Json.parse("{\"body\":\"string body\"}"), result.get("Payload"));
    assertEquals(200, result.get("StatusCode").intValue());
    JsonNode http = result.get("SdkHttpMetadata");
    assertEquals(200, http.get("HttpStatusCode").intValue());
    assertEquals(new TreeSet<>(Set.of("Connection", "Content-Length", "Content-Type", "Date", "X-Amz-Executed-Version",
        "X-Amzn-Trace-Id", "x-amzn-Remapped-Content-Length", "x-amzn-RequestId")), new TreeSet<>(names(http.get("HttpHeaders"))));
    assertEquals("22", http.get("HttpHeaders").get("Content-Length").textValue());
    assertEquals("keep-alive", http.get("HttpHeaders").get("Connection").textValue());
    assertEquals("application/json", http.get("AllHttpHeaders").get("Content-Type").get(0).textValue());
    assertEquals("0", http.get("AllHttpHeaders").get("x-amzn-Remapped-Content-Length").get(0).textValue());
    assertEquals(http.get("HttpHeaders").get("x-amzn-RequestId"), result.get("SdkResponseMetadata").get("RequestId"));
  }

  @Test
  void givenFunctionArnResource_whenInvoked_thenTheWholeInputIsThePayloadAndTheResultIsTheFunctions() {
    TaskOutcome outcome = invoker.invoke(task(host.functionArn("echo"), "{\"body\":\"string body\"}"));

    assertEquals(Json.parse("{\"body\":\"string body\"}"), outcome.result());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0", "true", "{}", "[]", "\"text\""})
  void givenAnyJsonInput_whenAFunctionArnEchoesIt_thenTheResultIsThatValue(String input) {
    // Cases lambda_task__invoke_json_values_*. Compared as text: the engine's JSON keeps 0.0 as 0.
    assertEquals(Json.write(Json.parse(input)), Json.write(invoker.invoke(task(host.functionArn("echo"), input)).result()));
  }

  @Test
  void givenStringPayload_whenInvokedAsService_thenTheFunctionReceivesAJsonString() {
    TaskOutcome outcome = service("{\"FunctionName\":\"greeter\",\"Payload\":\"Ada\"}");

    assertEquals("Hello, Ada!", outcome.result().get("Payload").textValue());
  }

  @Test
  void givenStringPayloadHoldingJson_whenInvoked_thenTheFunctionReceivesThatJson() {
    // As "Payload": "${Payload}" filled by DefinitionSubstitutions gives it.
    TaskOutcome outcome = service("{\"FunctionName\":\"echo\",\"Payload\":\"{\\\"max-depth\\\": 5}\"}");

    assertEquals(Json.parse("{\"max-depth\":5}"), outcome.result().get("Payload"));
  }

  @Test
  void givenNullOrMissingPayload_whenInvoked_thenTheFunctionGetsAnEmptyObject() {
    // Case lambda_task_service__invoke_unsupported_param: a null Payload comes back {} from an echo.
    assertEquals(Json.object(), service("{\"FunctionName\":\"echo\",\"Payload\":null}").result().get("Payload"));
    assertEquals(Json.object(), service("{\"FunctionName\":\"echo\"}").result().get("Payload"));
  }

  @Test
  void givenNonJsonResponse_whenInvoked_thenPayloadIsTheRawText() {
    TaskOutcome outcome = service("{\"FunctionName\":\"raw\",\"Payload\":{\"raw\":\"HelloWorld!\"}}");

    assertEquals(Json.text("HelloWorld!"), outcome.result().get("Payload"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"FunctionName\":\"probe:live\"}", "{\"FunctionName\":\"probe\",\"Qualifier\":\"live\"}",
      "{\"FunctionName\":\"arn:aws:lambda:us-east-1:000000000000:function:probe:live\"}",
      "{\"FunctionName\":\"000000000000:function:probe\",\"Qualifier\":\"live\"}"})
  void givenQualifierForms_whenInvoked_thenTheAliasIsInvoked(String parameters) {
    JsonNode seen = service(parameters).result().get("Payload");

    assertEquals("arn:aws:lambda:us-east-1:000000000000:function:probe:live", seen.get("invokedFunctionArn").textValue());
  }

  @Test
  void givenThrowingFunction_whenInvoked_thenErrorIsItsTypeAndCauseItsErrorJson() {
    TaskOutcome outcome = service("{\"FunctionName\":\"thrower\",\"Payload\":{\"depth\":5}}");

    assertEquals("io.stepwise.local.lambda.handlers.Thrower$MaxDepthError", outcome.error());
    JsonNode cause = Json.parse(outcome.cause());
    assertEquals("Maximum depth reached: 5", cause.get("errorMessage").textValue());
    assertEquals(Json.write(cause), outcome.cause(), "the cause is compact JSON");
    assertNull(outcome.result());
  }

  @Test
  void givenThrowingFunctionArn_whenInvoked_thenTheSameErrorMapping() {
    TaskOutcome outcome = invoker.invoke(task(host.functionArn("thrower"), "{\"depth\":1}"));

    assertEquals("io.stepwise.local.lambda.handlers.Thrower$MaxDepthError", outcome.error());
  }

  @Test
  void givenFunctionTimeout_whenInvoked_thenTheErrorIsLambdasSandboxTimedout() {
    assertEquals("Sandbox.Timedout", service("{\"FunctionName\":\"sleeper\",\"Payload\":{\"millis\":2000}}").error());
  }

  @Test
  void givenUnknownFunction_whenInvoked_thenResourceNotFoundWithTheSdkV1Cause() {
    TaskOutcome outcome = service("{\"FunctionName\":\"no_such_function\",\"Payload\":null}");

    // Case task_service_lambda__no_such_function.
    assertEquals("Lambda.ResourceNotFoundException", outcome.error());
    assertTrue(outcome.cause().matches("Function not found: arn:aws:lambda:us-east-1:000000000000:function:no_such_function:"
        + "\\$LATEST \\(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; "
        + "Request ID: [0-9a-f-]{36}; Proxy: null\\)"), outcome.cause());
  }

  @Test
  void givenEventInvocation_whenInvoked_thenStatus202EmptyPayloadAndTheFunctionRunsLater() throws InterruptedException {
    Recorder.RECEIVED.clear();
    TaskOutcome outcome = service("{\"FunctionName\":\"recorder\",\"InvocationType\":\"Event\",\"Payload\":{\"n\":2}}");

    assertEquals(202, outcome.result().get("StatusCode").intValue());
    assertEquals(Json.text(""), outcome.result().get("Payload"));
    assertFalse(outcome.result().has("ExecutedVersion"));
    assertEquals(Map.of("n", 2), Recorder.RECEIVED.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void givenDryRun_whenInvoked_thenStatus204() {
    TaskOutcome outcome = service("{\"FunctionName\":\"recorder\",\"InvocationType\":\"DryRun\"}");

    assertEquals(204, outcome.result().get("StatusCode").intValue());
    assertEquals(204, outcome.result().get("SdkHttpMetadata").get("HttpStatusCode").intValue());
  }

  @Test
  void givenLogTypeTail_whenInvoked_thenLogResultIsInTheResult() {
    JsonNode result = service("{\"FunctionName\":\"echo\",\"Payload\":{},\"LogType\":\"Tail\"}").result();

    String log = new String(Base64.getDecoder().decode(result.get("LogResult").textValue()), StandardCharsets.UTF_8);
    assertTrue(log.contains("echoing {}"), log);
    assertEquals(result.get("LogResult"), result.get("SdkHttpMetadata").get("HttpHeaders").get("X-Amz-Log-Result"));
  }

  @Test
  void givenClientContext_whenInvoked_thenItIsPassedThrough() {
    String context = Base64.getEncoder().encodeToString("{\"custom\":{\"who\":\"sfn\"}}".getBytes(StandardCharsets.UTF_8));
    TaskOutcome outcome = service("{\"FunctionName\":\"probe\",\"ClientContext\":\"" + context + "\"}");
    assertTrue(outcome.succeeded(), String.valueOf(outcome));
    JsonNode seen = outcome.result().get("Payload");

    assertEquals("sfn", seen.get("custom").get("who").textValue());
  }

  @Test
  void givenBusyFunctionWithReservedConcurrency_whenInvokedAgain_thenTooManyRequests() throws Exception {
    Sleeper.STARTED.drainPermits();
    Thread busy = new Thread(() -> service("{\"FunctionName\":\"throttled\",\"Payload\":{\"millis\":1500}}"));
    busy.start();
    assertTrue(Sleeper.STARTED.tryAcquire(10, TimeUnit.SECONDS), "the first call is running");
    TaskOutcome outcome = service("{\"FunctionName\":\"throttled\",\"Payload\":{}}");
    busy.join();

    assertEquals("Lambda.TooManyRequestsException", outcome.error());
    assertTrue(outcome.cause().startsWith("Rate Exceeded. (Service: AWSLambda; Status Code: 429;"), outcome.cause());
  }

  @Test
  void givenResultOver256KiB_whenInvoked_thenHandedOnWhole() {
    // 140,000 two-byte characters: about 273 KiB of UTF-8. The invoker hands it on; TaskStep fails it
    // with States.DataLimitExceeded for every invoker (EngineTest.taskResultOverTheLimit_...).
    TaskOutcome service = service("{\"FunctionName\":\"raw\",\"Payload\":{\"repeat\":140000}}");
    TaskOutcome function = invoker.invoke(task(host.functionArn("raw"), "{\"repeat\":140000}"));

    assertTrue(service.succeeded(), String.valueOf(service.error()));
    assertTrue(function.succeeded(), String.valueOf(function.error()));
  }

  @Test
  void givenTaskTimeoutShorterThanTheFunction_whenInvoked_thenStatesTimeout() {
    TaskOutcome outcome = invoker.invoke(task(INVOKE, "{\"FunctionName\":\"probe\",\"Payload\":{}}", 5));
    assertTrue(outcome.succeeded(), String.valueOf(outcome));

    TaskOutcome slow = invoker.invoke(task(host.functionArn("slow"), "{\"millis\":2500}", 1));
    assertEquals("States.Timeout", slow.error());
  }

  @Test
  void givenWaitForTaskToken_whenInvoked_thenTheFunctionRunsAndTheOutcomeIsTheInvokeResponse() throws InterruptedException {
    Recorder.RECEIVED.clear();
    TaskOutcome outcome = invoker.invoke(task(INVOKE + ".waitForTaskToken",
        "{\"FunctionName\":\"recorder\",\"Payload\":{\"token\":\"t-1\"}}"));

    assertEquals(Json.text("recorded"), outcome.result().get("Payload"));
    assertEquals(Map.of("token", "t-1"), Recorder.RECEIVED.poll(1, TimeUnit.SECONDS));
  }

  @Test
  void givenUnsupportedParameter_whenInvoked_thenStatesRuntime() {
    TaskOutcome outcome = service("{\"FunctionName\":\"echo\",\"Payload\":{},\"Bogus\":1}");

    assertEquals("States.Runtime", outcome.error());
    assertTrue(outcome.cause().contains("\"Bogus\""), outcome.cause());
  }

  @Test
  void givenHostIsDown_whenInvoked_thenSdkClientException() {
    LocalLambdaHost gone = LocalLambdaHost.start();
    LambdaTaskInvoker dead = LocalIntegrations.lambda(gone.endpoint(), gone.region());
    gone.close();
    TaskOutcome outcome = dead.invoke(task(INVOKE, "{\"FunctionName\":\"echo\"}"));

    assertEquals("Lambda.SdkClientException", outcome.error());
  }

  @Test
  void givenOtherResources_whenInvoked_thenUnsupportedTaskNamesTheResource() {
    for (String resource : List.of("arn:aws:states:::sqs:sendMessage", "arn:aws:states:::lambda:invoke.sync",
        "arn:aws:states:us-east-1:000000000000:activity:a")) {
      UnsupportedTaskException e = assertThrows(UnsupportedTaskException.class, () -> invoker.invoke(task(resource, "{}")));
      assertTrue(e.getMessage().contains(resource), e.getMessage());
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
