package io.stepwise.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.api.ApiConfig;
import io.stepwise.api.ApiErrors;
import io.stepwise.api.ApiResponse;
import io.stepwise.api.StepFunctionsApi;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Step Functions API as a Lambda function, for two kinds of caller.
 *
 * <p><b>A Function URL</b> (or an API Gateway HTTP API, payload format 2.0): the event is an
 * {@link APIGatewayV2HTTPEvent} carrying the SDK's request ({@code POST /},
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}, a JSON body, possibly base64), and the
 * answer an {@link APIGatewayV2HTTPResponse} with the status, {@code x-amzn-ErrorType} and the
 * JSON body. Point {@code SfnClient.builder().endpointOverride(functionUrl)} or
 * {@code aws stepfunctions --endpoint-url} at it. (The SDK signs for the service {@code states};
 * a Function URL with {@code AuthType: AWS_IAM} checks a signature for {@code lambda}, so it
 * rejects the SDK's requests: such a URL needs {@code AuthType: NONE} behind other protection.)
 *
 * <p><b>A direct invoke</b> ({@code aws lambda invoke}, another function, a test):
 * <pre>{@code
 * {"target": "AWSStepFunctions.StartExecution",
 *  "body": {"stateMachineArn": "arn:aws:states:...:stateMachine:orders", "input": "{\"id\": 7}"}}
 * }</pre>
 * answered, success or error alike, with {@code {"statusCode": 200, "body": {...}}} where body
 * is the operation's response, or {@code {"statusCode": 400, "body": {"__type": "...", "message":
 * "..."}}}. {@code body} may also be the JSON text of the request.
 *
 * <p>Settings come from {@link ApiConfig#fromEnvironment} and the runtime's from
 * {@link RuntimeConfig}; without {@code STEPWISE_ACCOUNT_ID}, ARNs name the function's own
 * account (from its ARN). StartSyncExecution waits at most {@code STEPWISE_SYNC_TIMEOUT_SECONDS}
 * (60 by default): keep the function's timeout above it.
 */
public final class ApiHandler implements RequestStreamHandler {
  private final Runtime runtime;
  private volatile StepFunctionsApi api;

  /** In a Lambda container: the runtime now, the API on the first request, which names the account. */
  public ApiHandler() {
    this.runtime = LambdaEnvironment.runtime();
  }

  public ApiHandler(StepFunctionsApi api) {
    this.runtime = null;
    this.api = api;
  }

  private StepFunctionsApi api(Context context) {
    StepFunctionsApi built = api;
    if (built != null) return built;
    Map<String, String> env = new HashMap<>(System.getenv());
    if (!env.containsKey("STEPWISE_ACCOUNT_ID") && context != null && context.getInvokedFunctionArn() != null) {
      env.put("STEPWISE_ACCOUNT_ID", context.getInvokedFunctionArn().split(":")[4]); // arn:aws:lambda:region:account:...
    }
    return api = new StepFunctionsApi(runtime, ApiConfig.fromEnvironment(env));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event;
    try {
      event = Json.MAPPER.readTree(input);
    } catch (IOException e) {
      event = null;
    }
    JsonNode response;
    if (event == null || !event.isObject()) {
      response = direct(ApiErrors.of("SerializationException", "The event must be a JSON object"));
    } else if (event.has("target")) {
      response = handleDirect(event, context);
    } else {
      response = Json.MAPPER.valueToTree(toJson(handleHttp(functionUrlEvent(event), context)));
    }
    output.write(Json.write(response).getBytes(StandardCharsets.UTF_8));
  }

  /** A Function URL request: {@code POST} with {@code X-Amz-Target}, headers matched in any case. */
  public APIGatewayV2HTTPResponse handleHttp(APIGatewayV2HTTPEvent event, Context context) {
    String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
        ? event.getRequestContext().getHttp().getMethod() : "POST";
    ApiResponse response = "POST".equalsIgnoreCase(method)
        ? api(context).handle(header(event.getHeaders(), "x-amz-target"), body(event))
        : ApiErrors.of("UnknownOperationException", "The Step Functions API takes POST requests, not " + method);
    return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers())
        .withBody(response.body()).withIsBase64Encoded(false).build();
  }

  /** A direct invoke: {@code {"target": ..., "body": {...}}} to {@code {"statusCode": ..., "body": {...}}}. */
  public ObjectNode handleDirect(JsonNode event, Context context) {
    JsonNode body = event.get("body");
    String text = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : Json.write(body);
    return direct(api(context).handle(event.path("target").asText(null), text));
  }

  private static ObjectNode direct(ApiResponse response) {
    ObjectNode result = Json.object().put("statusCode", response.status());
    result.set("body", Json.parse(response.body()));
    return result;
  }

  private static String body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null || !event.getIsBase64Encoded()) return body;
    return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) return null;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) return header.getValue();
    }
    return null;
  }

  /** The parts of a Function URL event the API reads, from its JSON. */
  private static APIGatewayV2HTTPEvent functionUrlEvent(JsonNode event) {
    Map<String, String> headers = new LinkedHashMap<>();
    event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    JsonNode http = event.path("requestContext").path("http");
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(event.path("rawPath").asText("/"))
        .withHeaders(headers)
        .withBody(event.path("body").asText(null))
        .withIsBase64Encoded(event.path("isBase64Encoded").asBoolean(false))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(http.path("method").asText("POST")).withPath(http.path("path").asText("/")).build())
            .build())
        .build();
  }

  private static Map<String, Object> toJson(APIGatewayV2HTTPResponse response) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("statusCode", response.getStatusCode());
    json.put("headers", response.getHeaders());
    json.put("body", response.getBody());
    json.put("isBase64Encoded", response.getIsBase64Encoded());
    return json;
  }
}
