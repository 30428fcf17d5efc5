package io.stepwise.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.local.lambda.handlers.Recorder;
import io.stepwise.local.servers.AwsClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The host through the AWS SDK's own LambdaClient, as the runtime and users reach it. */
class LocalLambdaHostTest {
  static LocalLambdaHost host;
  static LambdaClient lambda;

  @BeforeAll
  static void start() {
    host = TestFunctions.register(LocalLambdaHost.start());
    lambda = host.newClient();
  }

  @AfterAll
  static void stop() {
    lambda.close();
    host.close();
  }

  private static InvokeResponse invoke(String function, String payload) {
    return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
  }

  private static JsonNode json(InvokeResponse response) {
    return Json.parse(response.payload().asUtf8String());
  }

  @Test
  void givenEchoFunction_whenInvokedByName_thenItAnswers200WithItsResultAndLatestVersion() {
    InvokeResponse response = invoke("echo", "{\"body\":\"string body\"}");

    assertEquals(200, response.statusCode());
    assertEquals("{\"body\":\"string body\"}", response.payload().asUtf8String());
    assertEquals("$LATEST", response.executedVersion());
    assertNull(response.functionError());
    assertEquals(36, response.responseMetadata().requestId().length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo", "echo:$LATEST", "echo:live", "arn:aws:lambda:us-east-1:000000000000:function:echo",
      "arn:aws:lambda:us-east-1:000000000000:function:echo:live", "000000000000:function:echo",
      "000000000000:function:echo:$LATEST"})
  void givenAnyFunctionNameForm_whenInvoked_thenTheFunctionRuns(String functionName) {
    assertEquals("[1,2]", invoke(functionName, "[1,2]").payload().asUtf8String());
  }

  @Test
  void givenQualifierParameter_whenInvoked_thenTheContextShowsTheQualifiedArn() {
    InvokeResponse response = lambda.invoke(r -> r.functionName("probe").qualifier("live"));

    assertEquals("arn:aws:lambda:us-east-1:000000000000:function:probe:live",
        json(response).get("invokedFunctionArn").textValue());
  }

  @Test
  void givenQualifierInNameAndAnotherAsParameter_whenInvoked_thenInvalidParameterValue() {
    InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
        () -> lambda.invoke(r -> r.functionName("echo:live").qualifier("other")));

    assertEquals("The derived qualifier from the function name does not match the specified qualifier.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void givenUnknownFunction_whenInvoked_thenResourceNotFoundAsLambdaWordsIt() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> invoke("nope", "{}"));

    assertEquals(404, e.statusCode());
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
    assertEquals("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope:$LATEST",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void givenUnknownAlias_whenInvoked_thenNotFoundNamesTheAlias() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> invoke("echo:prod", "{}"));

    assertEquals("Function not found: arn:aws:lambda:us-east-1:000000000000:function:echo:prod",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void givenThrowingHandler_whenInvoked_thenUnhandledErrorWithTheJavaRuntimesPayload() {
    InvokeResponse response = invoke("thrower", "{\"depth\":5}");

    assertEquals(200, response.statusCode());
    assertEquals("Unhandled", response.functionError());
    JsonNode error = json(response);
    assertEquals(List.of("errorMessage", "errorType", "stackTrace"), fieldNames(error));
    assertEquals("Maximum depth reached: 5", error.get("errorMessage").textValue());
    assertEquals("io.stepwise.local.lambda.handlers.Thrower$MaxDepthError", error.get("errorType").textValue());
    String top = error.get("stackTrace").get(0).textValue();
    assertTrue(top.startsWith("io.stepwise.local.lambda.handlers.Thrower.handleRequest(Thrower.java:"), top);
    error.get("stackTrace").forEach(frame -> assertFalse(frame.textValue().contains("HandlerLoader"), frame.textValue()));
  }

  @Test
  void givenExceptionWithoutMessage_whenInvoked_thenTheMessageIsTheClassName() {
    JsonNode error = json(invoke("thrower", "{\"nullMessage\":true}"));

    assertEquals("java.lang.IllegalStateException", error.get("errorMessage").textValue());
  }

  @Test
  void givenHandlerSlowerThanItsTimeout_whenInvoked_thenSandboxTimedout() {
    InvokeResponse response = invoke("sleeper", "{\"millis\":5000}");

    assertEquals("Unhandled", response.functionError());
    JsonNode error = json(response);
    assertEquals("Sandbox.Timedout", error.get("errorType").textValue());
    assertTrue(error.get("errorMessage").textValue().endsWith("Task timed out after 0.30 seconds"), error.toString());
  }

  @Test
  void givenEventInvocation_whenInvoked_then202AtOnceAndTheHandlerRunsInTheBackground() throws InterruptedException {
    Recorder.RECEIVED.clear();
    InvokeResponse response = lambda.invoke(r -> r.functionName("recorder").invocationType("Event")
        .payload(SdkBytes.fromUtf8String("{\"n\":1}")));

    assertEquals(202, response.statusCode());
    assertEquals("", response.payload().asUtf8String());
    assertEquals(Map.of("n", 1), Recorder.RECEIVED.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void givenDryRun_whenInvoked_then204AndTheHandlerDoesNotRun() throws InterruptedException {
    Recorder.RECEIVED.clear();
    InvokeResponse response = lambda.invoke(r -> r.functionName("recorder").invocationType("DryRun"));

    assertEquals(204, response.statusCode());
    assertNull(Recorder.RECEIVED.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void givenLogTypeTail_whenInvoked_thenLogResultHoldsTheInvocationsLog() {
    InvokeResponse response = lambda.invoke(r -> r.functionName("echo").logType("Tail")
        .payload(SdkBytes.fromUtf8String("{\"a\":1}")));

    String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    assertTrue(log.startsWith("START RequestId: " + response.responseMetadata().requestId() + " Version: $LATEST\n"), log);
    assertTrue(log.contains("echoing {a=1}\n"), log);
    assertTrue(log.contains("REPORT RequestId: "), log);
  }

  @Test
  void givenClientContext_whenInvoked_thenTheHandlersContextCarriesIt() {
    String clientContext = Base64.getEncoder().encodeToString(
        "{\"client\":{\"app_title\":\"demo\"},\"custom\":{\"k\":\"v\"},\"env\":{\"platform\":\"test\"}}"
            .getBytes(StandardCharsets.UTF_8));
    JsonNode seen = json(lambda.invoke(r -> r.functionName("probe").clientContext(clientContext)));

    assertEquals("demo", seen.get("appTitle").textValue());
    assertEquals("v", seen.get("custom").get("k").textValue());
    assertEquals("test", seen.get("env").get("platform").textValue());
    assertEquals("probe", seen.get("functionName").textValue());
    assertEquals("/aws/lambda/probe", seen.get("logGroupName").textValue());
    assertEquals(512, seen.get("memoryLimitInMB").intValue());
    int remaining = seen.get("remainingTimeInMillis").intValue();
    assertTrue(remaining > 0 && remaining <= 10_000, "remaining " + remaining);
  }

  @Test
  void givenStringHandler_whenInvokedWithAJsonString_thenItAnswersAJsonString() {
    assertEquals("\"Hello, Ada!\"", invoke("greeter", "\"Ada\"").payload().asUtf8String());
  }

  @Test
  void givenStreamHandler_whenItWritesNonJson_thenTheBytesComeBackAsWritten() {
    assertEquals("plain text", invoke("raw", "{\"raw\":\"plain text\"}").payload().asUtf8String());
  }

  @Test
  void givenPlainMethodHandlers_whenInvoked_thenTheNamedMethodRuns() {
    assertEquals("42", invoke("twice", "21").payload().asUtf8String());
    assertEquals("\"describe:7\"", invoke("describe", "7").payload().asUtf8String());
  }

  @Test
  void givenNoPayload_whenInvoked_thenTheFunctionGetsAnEmptyObject() {
    assertEquals("{}", lambda.invoke(r -> r.functionName("echo")).payload().asUtf8String());
  }

  @Test
  void givenPayloadThatIsNotJson_whenInvoked_thenInvalidRequestContent() {
    InvalidRequestContentException e =
        assertThrows(InvalidRequestContentException.class, () -> invoke("echo", "not json"));

    assertTrue(e.awsErrorDetails().errorMessage().startsWith("Could not parse request body into json"));
  }

  @Test
  void givenApache5Client_whenInvoked_thenTheHostAnswersAlike() {
    try (LambdaClient apache = LambdaClient.builder().endpointOverride(host.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(AwsClients.DUMMY_CREDENTIALS).httpClientBuilder(Apache5HttpClient.builder()).build()) {
      InvokeResponse response = apache.invoke(InvokeRequest.builder().functionName("echo")
          .payload(SdkBytes.fromUtf8String("{\"x\":true}")).build());

      assertEquals("{\"x\":true}", response.payload().asUtf8String());
      assertEquals("$LATEST", response.executedVersion());
    }
  }

  @Test
  void givenBadHandler_whenRegistered_thenRegistrationFailsAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> host.register(FunctionConfig.of("broken", "no.such.Handler::handleRequest").withTimeout(Duration.ofSeconds(1))));

    assertTrue(e.getMessage().contains("no.such.Handler"), e.getMessage());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
