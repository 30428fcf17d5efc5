package io.stepwise.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.api.ApiConfig;
import io.stepwise.api.StepFunctionsApi;
import io.stepwise.json.Json;
import io.stepwise.runtime.DocumentStore;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.TokenStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda entry of the Step Functions API: Function URL events and direct invokes, on operations that need no storage. */
class ApiHandlerTest {
  private static final String VALID = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

  /** A runtime whose parts fail the test when touched. */
  private static <T> T untouchable(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw new AssertionError("the API touched " + type.getSimpleName() + "." + method.getName());
    }));
  }

  private final ApiHandler handler = new ApiHandler(new StepFunctionsApi(
      new Runtime(untouchable(ExecutionStore.class), untouchable(TokenStore.class), untouchable(JoinStore.class),
          new StateMachines(untouchable(StateMachineStore.class)), untouchable(DocumentStore.class),
          untouchable(StepQueue.class), call -> null, InstantSource.system(), Duration.ofSeconds(5)),
      new ApiConfig("eu-west-1", "123456789012")));

  private static String validateBody() {
    return Json.write(Json.object().put("definition", VALID));
  }

  @Test
  void givenFunctionUrlEvent_whenBase64Body_thenDecodedAndAnsweredAsJson10() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withHeaders(Map.of("x-amz-target", "AWSStepFunctions.ValidateStateMachineDefinition",
            "content-type", "application/x-amz-json-1.0"))
        .withBody(Base64.getEncoder().encodeToString(validateBody().getBytes(StandardCharsets.UTF_8)))
        .withIsBase64Encoded(true)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/").build()).build())
        .build();
    APIGatewayV2HTTPResponse response = handler.handleHttp(event, null);
    assertEquals(200, response.getStatusCode());
    assertEquals("application/x-amz-json-1.0", response.getHeaders().get("Content-Type"));
    assertEquals("OK", Json.parse(response.getBody()).get("result").asText());
  }

  @Test
  void givenFunctionUrlEventJson_whenStreamed_thenResponseJsonWithErrorTypeHeader() throws Exception {
    String event = "{\"version\": \"2.0\", \"rawPath\": \"/\", \"headers\": {\"X-Amz-Target\": \"AWSStepFunctions.Nope\"},"
        + " \"requestContext\": {\"http\": {\"method\": \"POST\", \"path\": \"/\"}}, \"body\": \"{}\", \"isBase64Encoded\": false}";
    JsonNode response = stream(event);
    assertEquals(400, response.get("statusCode").asInt());
    assertEquals("UnknownOperationException", response.get("headers").get("x-amzn-ErrorType").asText());
    JsonNode body = Json.parse(response.get("body").asText());
    assertEquals("com.amazonaws.swf.service.v2.model#UnknownOperationException", body.get("__type").asText());
    assertTrue(body.get("message").asText().contains("AWSStepFunctions.Nope"));
  }

  @Test
  void givenDirectInvoke_whenBodyIsObjectOrText_thenStatusCodeAndBodyObject() throws Exception {
    JsonNode ok = stream("{\"target\": \"AWSStepFunctions.ValidateStateMachineDefinition\", \"body\": " + validateBody() + "}");
    assertEquals(200, ok.get("statusCode").asInt());
    assertEquals("OK", ok.get("body").get("result").asText());
    JsonNode asText = stream(Json.write(Json.object().put("target", "AWSStepFunctions.ValidateStateMachineDefinition")
        .put("body", validateBody())));
    assertEquals("OK", asText.get("body").get("result").asText());
    JsonNode invalidArn = stream("{\"target\": \"AWSStepFunctions.DescribeExecution\", \"body\": {\"executionArn\": \"x\"}}");
    assertEquals(400, invalidArn.get("statusCode").asInt());
    assertEquals("com.amazonaws.swf.service.v2.model#InvalidArn", invalidArn.get("body").get("__type").asText());
  }

  @Test
  void givenGetRequest_whenHandled_thenRefused() {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of())
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/").build()).build())
        .build();
    assertEquals(400, handler.handleHttp(event, null).getStatusCode());
  }

  private JsonNode stream(String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }
}
