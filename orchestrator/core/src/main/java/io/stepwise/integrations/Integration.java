package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.http.HttpResults;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One entry of the registry: what {@code arn:aws:states:::SERVICE:ACTION[.pattern]} means and
 * how the runtime carries it out.
 */
public record Integration(String service, String action, Set<IntegrationPattern> patterns, Call call) {

  /** How the runtime carries a call out. */
  public sealed interface Call {}

  /** Lambda Invoke (the Lambda invoker's own shapes and error names). */
  public record LambdaInvoke() implements Call {}

  /** Another execution of this runtime ({@code states:startExecution}). */
  public record StartExecution() implements Call {}

  /**
   * An AWS API call through the protocol-level caller.
   *
   * @param sdkService the catalog's service ({@code aws-sdk:SERVICE})
   * @param sdkAction the operation ({@code publish}, {@code putEvents})
   * @param request Step Functions' parameters to the API's request
   * @param result the API's response to Step Functions' result
   * @param job for {@code .sync}: how to follow the job it starts, or null
   * @param errorPrefix the service name in error names ({@code SNS.NotFoundException}), or null
   *     for the SDK's ({@code Sns.NotFoundException}, as the aws-sdk integration names them)
   * @param check which answers the API gave with success still fail the task
   */
  public record AwsCall(String sdkService, String sdkAction, Request request, ResultShape result,
      JobPoll job, String errorPrefix, ResponseCheck check) implements Call {

    /** The error a successful response still fails the task with (its cause the response), or null. */
    public String failure(JsonNode response, IntegrationPattern pattern) {
      return check.error(response, pattern);
    }
  }

  /** An answer the API gave with success that Step Functions fails the task for: its error, or null. */
  @FunctionalInterface
  public interface ResponseCheck {
    ResponseCheck NONE = (response, pattern) -> null;

    String error(JsonNode response, IntegrationPattern pattern);
  }

  /** Step Functions' parameters to the API's request, for a call made by the execution {@code executionArn}. */
  @FunctionalInterface
  public interface Request {
    Request AS_IS = (parameters, executionArn) -> parameters;

    JsonNode apply(JsonNode parameters, String executionArn);

    /** A request that does not depend on the execution. */
    static Request of(UnaryOperator<JsonNode> f) {
      return (parameters, executionArn) -> f.apply(parameters);
    }
  }

  /**
   * An activity ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}): the task waits, with its
   * token, for a worker's GetActivityTask and SendTask* ({@code runtime.Activities}).
   */
  public record Activity() implements Call {}

  /**
   * An HTTP call: {@code apigateway:invoke} or an HTTPS endpoint ({@code http:invoke}).
   *
   * @param required the parameters a definition must give (dotted for nested ones; either of a
   *     {@code |}-separated pair), checked by the validator as Step Functions' does
   */
  public record Http(HttpResults.Style style, List<String> required) implements Call {}

  /** How an API response becomes the Task's result. */
  public enum ResultShape {
    /** The response's members, PascalCase (the {@code aws-sdk} integration). */
    RESPONSE,
    /** The response plus SdkHttpMetadata and SdkResponseMetadata (optimized SQS, SNS, DynamoDB, ECS). */
    RESPONSE_WITH_METADATA,
    /** The response with its JSON {@code Body} as JSON, not text (bedrock:invokeModel). */
    JSON_BODY
  }
}
