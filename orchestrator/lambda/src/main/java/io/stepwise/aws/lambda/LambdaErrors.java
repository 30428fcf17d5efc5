package io.stepwise.aws.lambda;

import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.SdkV1Client;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.eval.ErrorNames;
import io.stepwise.integrations.aws.AwsService;

/**
 * Lambda API failures under the names Step Functions gives them. Step Functions calls Lambda
 * with the Java SDK v1, whose exception class names become the error: {@code Lambda.} plus the
 * modelled exception (ResourceNotFoundException, ServiceException, TooManyRequestsException,
 * ...), {@code Lambda.AWSLambdaException} for an unmodelled service error, and
 * {@code Lambda.SdkClientException} when no answer came back.
 */
public final class LambdaErrors {
  public static final String SDK_CLIENT_EXCEPTION = "Lambda.SdkClientException";
  public static final String AWS_LAMBDA_EXCEPTION = "Lambda.AWSLambdaException";
  private static final SdkV1Client V1 = SdkV1Client.of("lambda").orElseThrow();

  private LambdaErrors() {}

  public static TaskOutcome fromApi(AwsService lambda, AwsApiException e) {
    // Only the Task's own TimeoutSeconds sets a timeout on the invoker's calls.
    if (e.timedOut()) return TaskOutcome.failure(ErrorNames.TIMEOUT, null);
    if (e.status() == 0) return TaskOutcome.failure(SDK_CLIENT_EXCEPTION, e.getMessage());
    return TaskOutcome.failure(errorName(lambda, e.code()), cause(e));
  }

  static String errorName(AwsService lambda, String code) {
    return V1.errorName(lambda, "Lambda", code);
  }

  /**
   * The SDK v1 message Step Functions puts in the cause (case task_service_lambda__no_such_function):
   * {@code Function not found: arn:... (Service: AWSLambda; Status Code: 404; Error Code:
   * ResourceNotFoundException; Request ID: ...; Proxy: null)}.
   */
  static String cause(AwsApiException e) {
    return V1.cause(e);
  }
}
