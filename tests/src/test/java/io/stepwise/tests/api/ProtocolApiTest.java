package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.tests.LocalAws;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The JSON 1.0 protocol on the wire, as plain HTTP requests see it. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolApiTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiStack stack;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-protocol");
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(stack.server.endpoint())
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) request.header("X-Amz-Target", target);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void givenUnknownTarget_whenPosted_thenUnknownOperationExceptionNamingIt() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.DescribeEverything", "{}");
    assertEquals(400, response.statusCode());
    assertEquals("UnknownOperationException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertEquals("application/x-amz-json-1.0", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = Json.parse(response.body());
    assertEquals("com.amazonaws.swf.service.v2.model#UnknownOperationException", body.get("__type").asText());
    assertTrue(body.get("message").asText().contains("AWSStepFunctions.DescribeEverything"), body.toString());
    assertEquals(400, post(null, "{}").statusCode());
  }

  @Test
  void givenMalformedBody_whenPosted_thenSerializationException() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.ListStateMachines", "{not json");
    assertEquals(400, response.statusCode());
    assertEquals("SerializationException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
  }

  @Test
  void givenError_whenPosted_thenTypeAndMessageAsStepFunctionsSendsThem() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.DescribeExecution",
        "{\"executionArn\": \"arn:aws:states:us-east-1:000000000000:execution:m:gone\"}");
    assertEquals(400, response.statusCode());
    JsonNode body = Json.parse(response.body());
    assertEquals("com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist", body.get("__type").asText());
    assertEquals("Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:m:gone'",
        body.get("message").asText());
  }

  @Test
  void givenCreatedMachine_whenDescribedRaw_thenDatesAreEpochSecondsWithMillis() throws Exception {
    String arn = stack.createMachine("raw", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    JsonNode body = Json.parse(post("AWSStepFunctions.DescribeStateMachine", "{\"stateMachineArn\": \"" + arn + "\"}").body());
    JsonNode created = body.get("creationDate");
    assertTrue(created.isNumber(), body.toString());
    double seconds = created.asDouble();
    assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000.0) < 120, body.toString());
    assertTrue(created.toString().matches("\\d{10}\\.\\d{3}"), created.toString());
  }

  @Test
  void givenUnknownTaskToken_whenHeartbeatSent_thenClientError() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.SendTaskHeartbeat", "{\"taskToken\": \"t\"}");
    assertEquals(400, response.statusCode(), response.body());
  }
}
