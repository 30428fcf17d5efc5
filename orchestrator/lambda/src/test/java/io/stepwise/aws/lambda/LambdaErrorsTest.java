package io.stepwise.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.TaskOutcome;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Naming Lambda API failures as Step Functions does: pure mapping of SDK exception values
 * (built, not mocked; the integration tests reach the same code through the local host).
 */
class LambdaErrorsTest {
  private static <B extends AwsServiceException.Builder> AwsServiceException build(B builder, int status, String code) {
    builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg").build())
        .statusCode(status).requestId("req-1");
    return builder.build();
  }

  @Test
  void givenModelledServiceErrors_whenMapped_thenLambdaPrefixedClassNameAndSdkV1Cause() {
    TaskOutcome service = LambdaErrors.fromException(build(ServiceException.builder(), 500, "ServiceException"));
    TaskOutcome throttled = LambdaErrors.fromException(build(TooManyRequestsException.builder(), 429, "TooManyRequestsException"));

    assertEquals("Lambda.ServiceException", service.error());
    assertEquals("msg (Service: AWSLambda; Status Code: 500; Error Code: ServiceException; Request ID: req-1; Proxy: null)",
        service.cause());
    assertEquals("Lambda.TooManyRequestsException", throttled.error());
  }

  @Test
  void givenUnmodelledServiceError_whenMapped_thenAwsLambdaException() {
    TaskOutcome outcome = LambdaErrors.fromException(build(LambdaException.builder(), 400, "ValidationException"));

    assertEquals("Lambda.AWSLambdaException", outcome.error());
    assertEquals("msg (Service: AWSLambda; Status Code: 400; Error Code: ValidationException; Request ID: req-1; Proxy: null)",
        outcome.cause());
  }

  @Test
  void givenNoAnswer_whenMapped_thenSdkClientException() {
    TaskOutcome outcome = LambdaErrors.fromException(SdkClientException.create("Unable to execute HTTP request: refused"));

    assertEquals("Lambda.SdkClientException", outcome.error());
    assertEquals("Unable to execute HTTP request: refused", outcome.cause());
  }

  @Test
  void givenCallTimeout_whenMapped_thenStatesTimeout() {
    assertEquals("States.Timeout", LambdaErrors.fromException(ApiCallTimeoutException.create(1000)).error());
  }
}
