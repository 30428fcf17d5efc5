package io.stepwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.runtime.DocumentStore;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.TokenStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The protocol core on requests that are refused before any storage is touched. */
class StepFunctionsApiTest {
  private static <T> T untouchable(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw new AssertionError("the API touched " + type.getSimpleName() + "." + method.getName());
    }));
  }

  private final StepFunctionsApi api = new StepFunctionsApi(
      new Runtime(untouchable(ExecutionStore.class), untouchable(TokenStore.class), untouchable(JoinStore.class),
          new StateMachines(untouchable(StateMachineStore.class)), untouchable(DocumentStore.class),
          untouchable(StepQueue.class), call -> null, InstantSource.system(), Duration.ofSeconds(5)),
      new ApiConfig("us-east-1", "000000000000"));

  private static JsonNode body(ApiResponse response) {
    return Json.parse(response.body());
  }

  @Test
  void givenMissingOrBadMembers_whenHandled_thenValidationErrorsWordedAsAws() {
    ApiResponse missing = api.handle("AWSStepFunctions.StartExecution", "{}");
    assertEquals("ValidationException", missing.errorType());
    assertEquals("1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: "
        + "Member must not be null", body(missing).get("message").asText());
    ApiResponse tooMany = api.handle("AWSStepFunctions.ListStateMachines", "{\"maxResults\": 5000}");
    assertEquals("ValidationException", tooMany.errorType());
    ApiResponse badType = api.handle("AWSStepFunctions.CreateStateMachine",
        "{\"name\": \"m\", \"definition\": \"{}\", \"roleArn\": \"arn:aws:iam::1:role/r\", \"type\": \"FAST\"}");
    assertEquals("ValidationException", badType.errorType());
    assertTrue(body(badType).get("message").asText().contains("[EXPRESS, STANDARD]"));
  }

  @Test
  void givenMalformedArnsAndNames_whenHandled_thenInvalidArnAndInvalidName() {
    assertEquals("InvalidArn", api.handle("AWSStepFunctions.DescribeStateMachine",
        "{\"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:execution:m:e\"}").errorType());
    assertEquals("InvalidArn", api.handle("AWSStepFunctions.DescribeStateMachine",
        "{\"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:m:3:x\"}").errorType());
    assertEquals("InvalidArn", api.handle("AWSStepFunctions.StopExecution", "{\"executionArn\": \"nope\"}").errorType());
    assertEquals("InvalidName", api.handle("AWSStepFunctions.CreateStateMachine",
        "{\"name\": \"a b\", \"definition\": \"{}\", \"roleArn\": \"arn:aws:iam::1:role/r\"}").errorType());
    assertEquals("InvalidToken", api.handle("AWSStepFunctions.ListStateMachines", "{\"nextToken\": \"@@\"}").errorType());
  }

  @Test
  void givenADistributedMapStatesArn_whenDescribedDeletedOrStarted_thenValidationException() {
    // API reference (DescribeStateMachine, DeleteStateMachine, StartExecution): "If you provide a qualified state
    // machine ARN that refers to a Distributed Map state, the request fails with ValidationException"
    String label = "{\"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:m/mapStateLabel\"}";
    for (String operation : new String[] {"DescribeStateMachine", "DeleteStateMachine", "StartExecution"}) {
      ApiResponse response = api.handle("AWSStepFunctions." + operation, label);
      assertEquals("ValidationException", response.errorType(), operation);
      assertTrue(body(response).get("message").asText().contains("m/mapStateLabel"), operation);
    }
  }

  @Test
  void givenInvalidDefinition_whenCreated_thenEveryDiagnosticInTheMessage() {
    ApiResponse response = api.handle("AWSStepFunctions.CreateStateMachine", Json.write(Json.object().put("name", "m")
        .put("roleArn", "arn:aws:iam::1:role/r")
        .put("definition", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"X\"}, \"B\": {\"Type\": \"Pass\"}}}")));
    assertEquals(400, response.status());
    assertEquals("InvalidDefinition", response.errorType());
    String message = body(response).get("message").asText();
    assertTrue(message.contains("/States/A/Next") && message.contains("/States/B"), message);
  }

  @Test
  void givenDefinitionsAwsRefuses_whenCreated_thenRefusedInAwsWords() {
    // AWS's CreateStateMachine answers, recorded in https://github.com/floci-io/floci/pull/2699,
    // https://github.com/floci-io/floci/issues/2735 and https://github.com/localstack/localstack/issues/11978
    assertEquals("Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level "
        + "is not supported. at /States/E/Output/v'", refusal("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"E\","
        + "\"States\":{\"E\":{\"Type\":\"Pass\",\"Output\":{\"v\":\"{% phone[0] %}\"},\"End\":true}}}"));
    assertEquals("Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'",
        refusal("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"Next\":\"A\"}}}"));
    assertEquals("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, "
        + "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'",
        refusal("{\"StartAt\":\"pass1\",\"States\":{\"pass1\":{\"Type\":\"Pass\",\"Next\":\"pass3\"},"
            + "\"pass2\":{\"Type\":\"Pass\",\"End\":true}}}"));
  }

  @Test
  void givenABareJsonataName_whenTestStateRuns_thenRefusedAsCreateStateMachineRefusesIt() {
    ApiResponse response = api.handle("AWSStepFunctions.TestState", Json.write(Json.object()
        .put("definition", "{\"QueryLanguage\":\"JSONata\",\"Type\":\"Pass\",\"Output\":\"{% phone %}\",\"End\":true}")));
    assertEquals("InvalidDefinition", response.errorType());
    assertTrue(body(response).get("message").asText().startsWith("Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: "
        + "Reference to 'phone' at the top level is not supported. at /States/"), body(response).get("message").asText());
  }

  private String refusal(String definition) {
    ApiResponse response = api.handle("AWSStepFunctions.CreateStateMachine", Json.write(Json.object().put("name", "m")
        .put("roleArn", "arn:aws:iam::1:role/r").put("definition", definition)));
    assertEquals("InvalidDefinition", response.errorType());
    return body(response).get("message").asText();
  }

  @Test
  void givenValidateWithMaxResults_whenMoreDiagnostics_thenTruncated() {
    ApiResponse response = api.handle("AWSStepFunctions.ValidateStateMachineDefinition", Json.write(Json.object()
        .put("maxResults", 1)
        .put("definition", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"X\"}, \"B\": {\"Type\": \"Pass\"}}}")));
    JsonNode result = body(response);
    assertEquals("FAIL", result.get("result").asText());
    assertEquals(1, result.get("diagnostics").size());
    assertTrue(result.get("truncated").asBoolean());
  }

  @Test
  void givenTimestamp_whenShaped_thenEpochSecondsWithMilliseconds() {
    assertEquals("1735689600.123", Shapes.timestamp(Instant.ofEpochMilli(1_735_689_600_123L)).toString());
    assertEquals("1735689600.000", Shapes.timestamp(Instant.ofEpochMilli(1_735_689_600_000L)).toString());
  }

  @Test
  void givenPageToken_whenRoundTripped_thenCursorBackAndForeignTokensRefused() {
    String token = PageTokens.encode("ListExecutions", "000001#name");
    assertEquals("000001#name", PageTokens.decode("ListExecutions", token));
    assertEquals("InvalidToken", assertCode(() -> PageTokens.decode("ListStateMachines", token)));
  }

  private static String assertCode(Runnable call) {
    try {
      call.run();
    } catch (io.stepwise.runtime.ApiException e) {
      return e.code();
    }
    throw new AssertionError("no ApiException");
  }
}
