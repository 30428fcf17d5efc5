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
import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.HttpRequest;
import io.stepwise.api.auth.SecuredApi;
import io.stepwise.api.auth.SigV4Verifier;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Step Functions API as a Lambda function, for two kinds of caller.
 *
 * <p><b>A Function URL</b> (or an API Gateway HTTP API, payload format 2.0): the event is an
 * {@link APIGatewayV2HTTPEvent} carrying the SDK's request ({@code POST /},
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}, a JSON body, possibly base64), and the
 * answer an {@link APIGatewayV2HTTPResponse} with the status, {@code x-amzn-ErrorType} and the
 * JSON body. Point {@code SfnClient.builder().endpointOverride(functionUrl)} or
 * {@code aws stepfunctions --endpoint-url} at it. Every such request must be signed (SigV4 for
 * the service {@code states}, as the SDK and the CLI sign for Step Functions) with an access key
 * Stepwise issued, kept in the Secrets Manager secret {@code STEPWISE_API_KEYS_SECRET}, and is
 * then allowed or denied by that key's statements ({@link SecuredApi}). Without that setting
 * the URL refuses every request: there is no unauthenticated path.
 *
 * <p><b>A direct invoke</b> ({@code aws lambda invoke}, another function, a test):
 * <pre>{@code
 * {"target": "AWSStepFunctions.StartExecution",
 *  "body": {"stateMachineArn": "arn:aws:states:...:stateMachine:orders", "input": "{\"id\": 7}"}}
 * }</pre>
 * answered, success or error alike, with {@code {"statusCode": 200, "body": {...}}} where body
 * is the operation's response, or {@code {"statusCode": 400, "body": {"__type": "...", "message":
 * "..."}}}. {@code body} may also be the JSON text of the request. Lambda itself guards this path:
 * only principals with {@code lambda:InvokeFunction} on the function reach it.
 *
 * <p>Settings come from {@link ApiConfig#fromEnvironment} and the runtime's from
 * {@link RuntimeConfig}; without {@code STEPWISE_ACCOUNT_ID}, ARNs name the function's own
 * account (from its ARN). StartSyncExecution waits at most {@code STEPWISE_SYNC_TIMEOUT_SECONDS}
 * (60 by default): keep the function's timeout above it.
 */
public final class ApiHandler implements RequestStreamHandler {
  static final String KEYS_SECRET_ENV = "STEPWISE_API_KEYS_SECRET";

  private final Runtime runtime;
  private final Observability observability;
  private final AccessKeys.Source keys;
  private volatile StepFunctionsApi api;
  private volatile SecuredApi secured;

  /** In a Lambda container: the runtime now, the API on the first request, which names the account. */
  public ApiHandler() {
    LambdaEnvironment.Orchestrator orchestrator = LambdaEnvironment.orchestrator();
    this.runtime = orchestrator.runtime();
    this.observability = orchestrator.observability();
    String secret = System.getenv(KEYS_SECRET_ENV);
    this.keys = secret == null || secret.isBlank() ? null : LambdaEnvironment.accessKeys(secret);
    Priming.register();
  }

  /** Direct invokes only: Function URL requests are refused, as no access keys are known. */
  public ApiHandler(StepFunctionsApi api) {
    this(api, null, null);
  }

  /** @param keys the access keys that may sign Function URL requests; null refuses them all */
  public ApiHandler(StepFunctionsApi api, AccessKeys.Source keys, ApiConfig config) {
    this.runtime = null;
    this.observability = null;
    this.keys = keys;
    this.api = api;
    this.secured = gate(api, keys, config);
  }

  private StepFunctionsApi api(Context context) {
    StepFunctionsApi built = api;
    if (built != null) return built;
    Map<String, String> env = new HashMap<>(System.getenv());
    if (!env.containsKey("STEPWISE_ACCOUNT_ID") && context != null && context.getInvokedFunctionArn() != null) {
      env.put("STEPWISE_ACCOUNT_ID", context.getInvokedFunctionArn().split(":")[4]); // arn:aws:lambda:region:account:...
    }
    ApiConfig config = ApiConfig.fromEnvironment(env);
    built = new StepFunctionsApi(runtime, config);
    secured = gate(built, keys, config);
    return api = built;
  }

  private static SecuredApi gate(StepFunctionsApi api, AccessKeys.Source keys, ApiConfig config) {
    return keys == null ? null : new SecuredApi(api, new SigV4Verifier(keys, config.region(), InstantSource.system()), config);
  }

  private SecuredApi secured(Context context) {
    api(context);
    return secured;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event;
    try {
      event = Json.mapper().readTree(input);
    } catch (IOException e) {
      event = null;
    }
    JsonNode response;
    if (event == null || !event.isObject()) {
      response = direct(ApiErrors.of("SerializationException", "The event must be a JSON object"));
    } else if (event.has("target")) {
      response = handleDirect(event, context);
    } else {
      response = Json.mapper().valueToTree(toJson(handleHttp(functionUrlEvent(event), context)));
    }
    output.write(Json.write(response).getBytes(StandardCharsets.UTF_8));
    if (observability != null) observability.flush(); // StopExecution and RedriveExecution make transitions too
  }

  /** A Function URL request: signed, {@code POST} with {@code X-Amz-Target}, headers matched in any case. */
  public APIGatewayV2HTTPResponse handleHttp(APIGatewayV2HTTPEvent event, Context context) {
    String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
        ? event.getRequestContext().getHttp().getMethod() : "POST";
    SecuredApi gate = secured(context);
    ApiResponse response;
    if (gate == null) {
      response = ApiErrors.of("AccessDeniedException", "This Stepwise API has no access keys, so it takes no HTTP requests: "
          + "set " + KEYS_SECRET_ENV + " (see docs/DEPLOY.md)");
    } else if (!"POST".equalsIgnoreCase(method)) {
      response = ApiErrors.of("UnknownOperationException", "The Step Functions API takes POST requests, not " + method);
    } else {
      response = gate.handle(httpRequest(event, method));
    }
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

  /** The request as its signature covers it; a Function URL gives headers joined by commas, as SigV4 joins them. */
  private static HttpRequest httpRequest(APIGatewayV2HTTPEvent event, String method) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (event.getHeaders() != null) event.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
    String body = event.getBody();
    byte[] bytes = body == null ? new byte[0]
        : event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    return new HttpRequest(method.toUpperCase(Locale.ROOT), event.getRawPath(), event.getRawQueryString(), headers, bytes);
  }

  /** The parts of a Function URL event the API reads, from its JSON. */
  private static APIGatewayV2HTTPEvent functionUrlEvent(JsonNode event) {
    Map<String, String> headers = new LinkedHashMap<>();
    event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    JsonNode http = event.path("requestContext").path("http");
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(event.path("rawPath").asText("/"))
        .withRawQueryString(event.path("rawQueryString").asText(""))
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
