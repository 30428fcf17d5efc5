package io.stepwise.aws.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.api.AwsResponse;
import io.stepwise.aws.api.SdkV1Client;
import io.stepwise.aws.http.HttpTaskInvoker;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationPattern;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.SdkHttpMetadata;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;

/**
 * Every Task resource of the registry: Lambda through the Lambda invoker, every AWS API call
 * (optimized integrations and {@code aws-sdk:*}) through the protocol-level caller, with the
 * credentials {@link TaskCredentials} gives the call.
 */
public final class IntegrationTaskInvoker implements TaskInvoker {
  private final Integrations registry;
  private final AwsServiceCatalog catalog;
  private final TaskInvoker lambda;
  private final HttpTaskInvoker http;
  private final AwsApiCaller aws;
  private final TaskCredentials credentials;
  private final OwnResources own;
  private final String region;

  public IntegrationTaskInvoker(Integrations registry, AwsServiceCatalog catalog, TaskInvoker lambda, HttpTaskInvoker http,
      AwsApiCaller aws, TaskCredentials credentials, OwnResources own, String region) {
    this.registry = registry;
    this.catalog = catalog;
    this.lambda = lambda;
    this.http = http;
    this.aws = aws;
    this.credentials = credentials;
    this.own = own;
    this.region = region;
  }

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    Integrations.Lookup lookup = registry.lookup(call.resource());
    if (lookup instanceof Integrations.Lookup.Refused refused) {
      throw new UnsupportedTaskException("Task state '" + call.stateName() + "': " + refused.reason());
    }
    Integrations.Target target = ((Integrations.Lookup.Found) lookup).target();
    Integration integration = target.integration();
    if (integration.call() instanceof Integration.LambdaInvoke) return lambda.invoke(call);
    if (integration.call() instanceof Integration.Http h) return http.invoke(call, h);
    if (integration.call() instanceof Integration.AwsCall api) {
      JsonNode parameters = api.request().apply(call.payload(), call.executionArn());
      return call(call, api, api.sdkAction(), parameters, target.pattern());
    }
    throw new UnsupportedTaskException("Task state '" + call.stateName() + "': " + integration.service() + ":"
        + integration.action() + " does not run through this invoker");
  }

  /** The HTTP exchange of an HTTP integration's call (TestState's TRACE), or empty for any other resource. */
  public java.util.Optional<HttpTaskInvoker.Exchange> exchange(Command.InvokeTask call) {
    if (registry.lookup(call.resource()) instanceof Integrations.Lookup.Found found
        && found.target().integration().call() instanceof Integration.Http h) {
      return java.util.Optional.of(http.exchange(call, h));
    }
    return java.util.Optional.empty();
  }

  /**
   * One API call for a Task, in the pattern its resource names: the integration's answer, or the
   * failure Step Functions makes of it.
   */
  private TaskOutcome call(Command.InvokeTask call, Integration.AwsCall api, String action, JsonNode parameters,
      IntegrationPattern pattern) {
    AwsService service = catalog.service(api.sdkService()).orElseThrow(
        () -> new UnsupportedTaskException("no AWS service named " + api.sdkService()));
    AwsOperation operation = service.operation(action).orElseThrow(
        () -> new UnsupportedTaskException("the AWS service " + api.sdkService() + " has no action " + action));
    var refusal = own.refusal(service.key(), parameters);
    if (refusal.isPresent()) return TaskOutcome.failure(ErrorNames.TASK_FAILED, refusal.get());
    String callRegion = regionOf(call.resource());
    try {
      AwsResponse response = aws.call(service, operation, parameters, credentials.forTask(call, callRegion), callRegion);
      String failed = api.failure(response.body(), pattern);
      if (failed != null) return TaskOutcome.failure(failed, Json.write(response.body()));
      return TaskOutcome.success(shape(api.result(), response));
    } catch (AwsApiException e) {
      return failure(service, api.errorPrefix(), e);
    } catch (TaskCredentials.AccessDenied e) {
      return TaskOutcome.failure(ErrorNames.TASK_FAILED, e.getMessage());
    } catch (AwsEndpoints.MissingEndpointException e) {
      return TaskOutcome.failure(ErrorNames.TASK_FAILED, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw StatesError.runtime("Task state '" + call.stateName() + "': " + e.getMessage());
    }
  }

  /**
   * aws-sdk integrations keep the SDK v2's names ({@code DynamoDb.DynamoDbException}); an optimized
   * integration, under {@code prefix}, those of the v1 client it calls through, where known.
   */
  private static TaskOutcome failure(AwsService service, String prefix, AwsApiException e) {
    if (prefix == null) return TaskOutcome.failure(e.error(), e.getMessage());
    var v1 = SdkV1Client.of(service.key());
    if (v1.isEmpty() || e.status() == 0) return TaskOutcome.failure(e.error(prefix), e.getMessage());
    return TaskOutcome.failure(v1.get().errorName(service, prefix, e.code()), v1.get().cause(e));
  }

  /** The region in the resource ARN ({@code arn:aws:states:eu-west-1::...}), else the runtime's. */
  private String regionOf(String resource) {
    String r = Resource.parse(resource).region();
    return r == null || r.isEmpty() ? region : r;
  }

  private static JsonNode shape(Integration.ResultShape shape, AwsResponse response) {
    return switch (shape) {
      case RESPONSE -> response.body();
      case RESPONSE_WITH_METADATA -> withMetadata(response);
      case JSON_BODY -> jsonBody(response.body());
    };
  }

  /** A text Body that holds JSON, as that JSON (what Step Functions' bedrock:invokeModel returns). */
  static JsonNode jsonBody(JsonNode body) {
    JsonNode text = body.get("Body");
    if (!body.isObject() || text == null || !text.isTextual()) return body;
    try {
      return ((ObjectNode) body.deepCopy()).set("Body", Json.parse(text.textValue()));
    } catch (IllegalArgumentException notJson) {
      return body;
    }
  }

  /** {@code SdkHttpMetadata} and {@code SdkResponseMetadata}, as the optimized integrations return them. */
  static ObjectNode withMetadata(AwsResponse response) {
    ObjectNode result = response.body().isObject() ? ((ObjectNode) response.body()).deepCopy() : Json.object();
    result.set("SdkHttpMetadata", SdkHttpMetadata.of(response.status(), response.headers(), name -> name));
    result.putObject("SdkResponseMetadata").put("RequestId", response.requestId());
    return result;
  }
}
