package io.stepwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.runtime.DocumentStore;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.TokenStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** An unexpected failure reaches the client as AWS's InternalFailure; its detail goes to the log only. */
class InternalErrorsTest {
  private static <T> T failing(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw DynamoDbException.builder().message("Item size has exceeded the maximum allowed size")
          .requestId("R3QU35T1D0FDYNAM0DB").statusCode(400)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();
    }));
  }

  private final StepFunctionsApi api = new StepFunctionsApi(
      new Runtime(failing(ExecutionStore.class), failing(TokenStore.class), failing(JoinStore.class),
          new StateMachines(failing(StateMachineStore.class)), failing(DocumentStore.class), failing(StepQueue.class), call -> null,
          InstantSource.system(), Duration.ofSeconds(5)),
      new ApiConfig("us-east-1", "000000000000"));

  @Test
  void storageFailure_isInternalFailure_withARequestId_andNoInternals() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    ApiResponse response;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      response = api.handle("AWSStepFunctions.DescribeStateMachine",
          "{\"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:m\"}");
    } finally {
      System.setErr(stderr);
    }
    assertEquals(500, response.status());
    assertEquals("InternalFailure", response.errorType());
    String requestId = response.headers().get("x-amzn-RequestId");
    assertNotNull(requestId);
    JsonNode body = Json.parse(response.body());
    String message = body.get("message").asText();
    assertEquals("The request processing has failed because of an unknown error, exception or failure. (Request ID: "
        + requestId + ")", message);
    for (String leak : new String[] {"DynamoDb", "Exception", "R3QU35T1D0FDYNAM0DB", "software.amazon", "io.stepwise"}) {
      assertFalse(response.body().contains(leak), "the response leaks " + leak + ": " + response.body());
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains(requestId) && logged.contains("R3QU35T1D0FDYNAM0DB") && logged.contains("DescribeStateMachine"),
        "the log holds the detail: " + logged);
  }

  @Test
  void everyResponse_carriesARequestId() {
    ApiResponse response = api.handle("AWSStepFunctions.Nope", "{}");
    assertNotNull(response.headers().get("x-amzn-RequestId"));
    assertFalse(response.headers().get("x-amzn-RequestId").isBlank());
  }
}
