package io.stepwise.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.AwsResponse;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import java.time.Duration;
import java.util.Map;

/**
 * Runs Lambda Tasks the way Step Functions does, calling Invoke through the protocol-level
 * {@link AwsApiCaller} (so the Lambda jar carries no Lambda SDK):
 * <ul>
 *   <li>{@code arn:aws:states:::lambda:invoke}: Parameters name the call; the result is the whole
 *       Invoke response (ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode).
 *   <li>{@code arn:aws:states:::lambda:invoke.waitForTaskToken}: the same call. The runtime waits
 *       for SendTaskSuccess/Failure and ignores a successful outcome's result (which is the Invoke
 *       response, as above); a failed outcome (function error, Lambda error) fails the Task, as
 *       in Step Functions.
 *   <li>{@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}: the effective input is
 *       the payload; the result is the function's own response.
 * </ul>
 * Function errors fail with the function's errorType and the error JSON as cause; Lambda API
 * failures with {@link LambdaErrors}' names; results over 256 KiB with States.DataLimitExceeded.
 * A Task's TimeoutSeconds bounds the call (States.Timeout). Calls run with the credentials
 * {@link TaskCredentials} gives the Task. Step Functions does not retry an Invoke by itself; the
 * state's Retry does, so neither does this invoker.
 */
public final class LambdaTaskInvoker implements TaskInvoker {
  /** Lambda's longest function timeout plus slack: a synchronous Invoke may take that long. */
  public static final Duration MAX_INVOKE_DURATION = Duration.ofMinutes(15).plusSeconds(30);

  private final AwsApiCaller aws;
  private final TaskCredentials credentials;
  private final String region;

  /** @param aws a caller whose HTTP client's socket timeout is at least {@link #MAX_INVOKE_DURATION} */
  public LambdaTaskInvoker(AwsApiCaller aws, TaskCredentials credentials, String region) {
    this.aws = aws;
    this.credentials = credentials;
    this.region = region;
  }

  /** Lambda's API model, read on the first Invoke: a cold start that runs no Task never parses the catalog. */
  private static final class Model {
    static final AwsService LAMBDA = AwsServiceCatalog.standard().service("lambda").orElseThrow();
    static final AwsOperation INVOKE = LAMBDA.operation("invoke").orElseThrow();
  }

  /** Whether this invoker runs {@code resource}, so composite invokers can route to it. */
  public static boolean handles(String resource) {
    Resource r = Resource.parse(resource);
    if (r.isLegacyLambda()) return true;
    // Only a states ARN gets an action from Resource.parse; Lambda has no .sync integration.
    return "lambda".equals(r.service()) && "invoke".equals(r.action()) && (r.pattern().isEmpty() || r.waitsForTaskToken());
  }

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    if (!handles(call.resource())) {
      throw new UnsupportedTaskException("Task state '" + call.stateName() + "': the Lambda invoker cannot run resource '"
          + call.resource() + "'; it runs arn:aws:states:::lambda:invoke[.waitForTaskToken] and Lambda function ARNs");
    }
    boolean functionArn = Resource.parse(call.resource()).isLegacyLambda();
    InvokeParameters parameters;
    try {
      parameters = functionArn
          ? InvokeParameters.forFunctionArn(call.resource(), call.payload())
          : InvokeParameters.fromService(call.payload());
    } catch (StatesError e) {
      return TaskOutcome.failure(e.error(), e.cause());
    }
    AwsResponse response;
    try {
      Duration timeout = call.timeoutSeconds() != null && call.timeoutSeconds() > 0
          ? Duration.ofSeconds(call.timeoutSeconds()) : null;
      response = aws.call(Model.LAMBDA, Model.INVOKE, request(parameters), credentials.forTask(call, region), region, timeout);
    } catch (AwsApiException e) {
      return LambdaErrors.fromApi(Model.LAMBDA, e);
    } catch (TaskCredentials.AccessDenied e) {
      return TaskOutcome.failure(ErrorNames.TASK_FAILED, e.getMessage());
    }
    JsonNode r = response.body();
    String body = r.path("Payload").asText("");
    if (r.hasNonNull("FunctionError")) return InvokeResults.functionError(body, functionArn);

    JsonNode payload = InvokeResults.payload(body);
    JsonNode result = functionArn ? payload
        : InvokeResults.serviceResult(response.status(), response.headers(), text(r, "ExecutedVersion"),
            text(r, "LogResult"), payload, response.requestId());
    return TaskOutcome.success(result); // one over 256 KB fails the task in the engine (TaskStep), whatever the invoker
  }

  /** Invoke's members: the payload travels as the body, the rest in the path, query and headers. */
  private static JsonNode request(InvokeParameters p) {
    var request = Json.object().put("FunctionName", p.functionName()).put("Payload", p.payload());
    Map.of("InvocationType", nullable(p.invocationType()), "LogType", nullable(p.logType()),
        "ClientContext", nullable(p.clientContext()), "Qualifier", nullable(p.qualifier()))
        .forEach((name, value) -> { if (!value.isEmpty()) request.put(name, value); });
    return request;
  }

  private static String nullable(String s) {
    return s == null ? "" : s;
  }

  private static String text(JsonNode r, String field) {
    return r.hasNonNull(field) ? r.get(field).asText() : null;
  }
}
