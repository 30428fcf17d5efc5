package io.stepwise.aws.lambda;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.eval.ErrorNames;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Lambda API failures under the names Step Functions gives them. Step Functions calls Lambda
 * with the Java SDK v1, whose exception class names become the error: {@code Lambda.} plus the
 * modelled exception (ResourceNotFoundException, ServiceException, TooManyRequestsException,
 * ...), {@code Lambda.AWSLambdaException} for an unmodelled service error, and
 * {@code Lambda.SdkClientException} when no answer came back. The SDK v2 models the same
 * exceptions under the same names.
 */
public final class LambdaErrors {
  public static final String SDK_CLIENT_EXCEPTION = "Lambda.SdkClientException";
  public static final String AWS_LAMBDA_EXCEPTION = "Lambda.AWSLambdaException";

  private LambdaErrors() {}

  public static TaskOutcome fromException(SdkException e) {
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      // Only the Task's own TimeoutSeconds sets a call timeout on the invoker's requests.
      return TaskOutcome.failure(ErrorNames.TIMEOUT, null);
    }
    if (e instanceof AwsServiceException service) {
      return TaskOutcome.failure(errorName(service), cause(service));
    }
    if (e instanceof SdkClientException) return TaskOutcome.failure(SDK_CLIENT_EXCEPTION, e.getMessage());
    return TaskOutcome.failure(InvokeResults.LAMBDA_UNKNOWN, e.getMessage());
  }

  static String errorName(AwsServiceException e) {
    boolean modelled = e instanceof LambdaException && e.getClass() != LambdaException.class;
    return modelled ? "Lambda." + e.getClass().getSimpleName() : AWS_LAMBDA_EXCEPTION;
  }

  /**
   * The SDK v1 message Step Functions puts in the cause (case task_service_lambda__no_such_function):
   * {@code Function not found: arn:... (Service: AWSLambda; Status Code: 404; Error Code:
   * ResourceNotFoundException; Request ID: ...; Proxy: null)}.
   */
  static String cause(AwsServiceException e) {
    AwsErrorDetails details = e.awsErrorDetails();
    String message = details != null ? details.errorMessage() : e.getMessage();
    String code = details != null ? details.errorCode() : null;
    return message + " (Service: AWSLambda; Status Code: " + e.statusCode() + "; Error Code: " + code
        + "; Request ID: " + e.requestId() + "; Proxy: null)";
  }
}
