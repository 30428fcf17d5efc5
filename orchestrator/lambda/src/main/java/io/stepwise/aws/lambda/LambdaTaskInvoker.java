package io.stepwise.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.eval.StatesError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Runs Lambda Tasks the way Step Functions does, on the SDK v2 {@link LambdaClient}:
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
 * A Task's TimeoutSeconds bounds the call (States.Timeout). Task Credentials are not supported:
 * calls use the client's own credentials.
 */
public final class LambdaTaskInvoker implements TaskInvoker {
  /** Lambda's longest function timeout plus slack: a synchronous Invoke may take that long. */
  public static final Duration MAX_INVOKE_DURATION = Duration.ofMinutes(15).plusSeconds(30);

  private final LambdaClient lambda;

  /**
   * @param lambda a client with SDK retries off (see {@link #clientBuilder()}): Step Functions
   *     does not retry an Invoke by itself, the state's Retry does
   */
  public LambdaTaskInvoker(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /** An invoker on a client for the environment's region and credentials (as in a Lambda function). */
  public static LambdaTaskInvoker create() {
    return new LambdaTaskInvoker(clientBuilder().build());
  }

  /**
   * A builder for the client this invoker wants: the url-connection HTTP client (what the lean
   * Lambda jar ships), a socket timeout past Lambda's 15-minute limit, and no SDK retries.
   * Add region, credentials or endpointOverride as needed.
   */
  public static LambdaClientBuilder clientBuilder() {
    return LambdaClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(MAX_INVOKE_DURATION))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
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
    InvokeResponse response;
    try {
      response = lambda.invoke(request(parameters, call.timeoutSeconds()));
    } catch (SdkException e) {
      return LambdaErrors.fromException(e);
    }
    String body = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
    if (response.functionError() != null) return InvokeResults.functionError(body);

    JsonNode payload = InvokeResults.payload(body);
    JsonNode result = functionArn ? payload
        : InvokeResults.serviceResult(response.statusCode(), response.sdkHttpResponse().headers(),
            response.executedVersion(), response.logResult(), payload, response.responseMetadata().requestId());
    // Step Functions names the task by its ARN for a function resource, by service otherwise
    // (cases states_errors__*_data_limit_exceeded_on_large_utf8_response).
    TaskOutcome tooLarge = InvokeResults.checkSize(result, functionArn ? call.resource() : "lambda");
    return tooLarge != null ? tooLarge : TaskOutcome.success(result);
  }

  private static InvokeRequest request(InvokeParameters p, Integer timeoutSeconds) {
    InvokeRequest.Builder request = InvokeRequest.builder()
        .functionName(p.functionName())
        .payload(SdkBytes.fromUtf8String(p.payload()))
        .invocationType(p.invocationType())
        .logType(p.logType())
        .clientContext(p.clientContext())
        .qualifier(p.qualifier());
    if (timeoutSeconds != null && timeoutSeconds > 0) {
      request.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(timeoutSeconds)));
    }
    return request.build();
  }
}
