package io.stepwise.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Turning an Invoke response into a Task's result or failure: pure. */
class InvokeResultsTest {
  @Test
  void givenJsonOrOtherText_whenReadAsPayload_thenJsonIsParsedAndTheRestKeptAsText() {
    assertEquals(Json.parse("{\"a\":1}"), InvokeResults.payload("{\"a\":1}"));
    assertEquals(Json.text("HelloWorld!"), InvokeResults.payload("HelloWorld!"));
    assertEquals(Json.text("HelloWorld!"), InvokeResults.payload("\"HelloWorld!\""));
    assertEquals(Json.text(""), InvokeResults.payload(""));
  }

  @Test
  void givenResponseParts_whenShapedAsServiceResult_thenStepFunctionsKeysAndCasing() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-amz-executed-version", List.of("$LATEST"));
    headers.put("content-length", List.of("2"));
    headers.put("X-Custom", List.of("a", "b"));

    JsonNode result = InvokeResults.serviceResult(200, headers, "$LATEST", null, Json.object(), "rid");

    assertEquals(Json.parse("{\"ExecutedVersion\":\"$LATEST\",\"Payload\":{},\"SdkHttpMetadata\":{"
        + "\"AllHttpHeaders\":{\"X-Amz-Executed-Version\":[\"$LATEST\"],\"Content-Length\":[\"2\"],\"X-Custom\":[\"a\",\"b\"]},"
        + "\"HttpHeaders\":{\"X-Amz-Executed-Version\":\"$LATEST\",\"Content-Length\":\"2\",\"X-Custom\":\"a\"},"
        + "\"HttpStatusCode\":200},\"SdkResponseMetadata\":{\"RequestId\":\"rid\"},\"StatusCode\":200}"), result);
  }

  @Test
  void givenNoExecutedVersion_whenShaped_thenTheKeyIsLeftOut() {
    JsonNode result = InvokeResults.serviceResult(202, Map.of(), null, null, Json.text(""), "rid");

    assertFalse(result.has("ExecutedVersion"));
    assertFalse(result.has("LogResult"));
  }

  @Test
  void givenErrorPayloadWithType_whenMapped_thenErrorIsTheTypeAndCauseTheCompactPayload() {
    TaskOutcome outcome = InvokeResults.functionError(
        "{\"errorMessage\": \"boom\", \"errorType\": \"function.MaxDepthError\", \"stackTrace\": []}", false);

    assertEquals("function.MaxDepthError", outcome.error());
    assertEquals("{\"errorMessage\":\"boom\",\"errorType\":\"function.MaxDepthError\",\"stackTrace\":[]}", outcome.cause());
    assertNull(outcome.result());
  }

  /** test_task_lambda's catch recordings: a function ARN's cause keeps the Python runtime's separators. */
  @Test
  void givenFunctionArnErrorPayload_whenMapped_thenTheCauseIsThePayloadAsReturned() {
    String returned = "{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\", \"stackTrace\": []}";
    TaskOutcome outcome = InvokeResults.functionError(returned, true);

    assertEquals("Exception", outcome.error());
    assertEquals(returned, outcome.cause());
  }

  @Test
  void givenErrorPayloadWithoutType_whenMapped_thenLambdaUnknown() {
    assertEquals("Lambda.Unknown", InvokeResults.functionError("{\"errorMessage\":\"Task timed out\"}", false).error());
    TaskOutcome text = InvokeResults.functionError("Process exited", true);
    assertEquals("Lambda.Unknown", text.error());
    assertEquals("Process exited", text.cause());
  }
}
