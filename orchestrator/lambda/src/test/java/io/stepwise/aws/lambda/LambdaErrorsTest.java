package io.stepwise.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.aws.api.AwsApiException;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Naming Lambda API failures as Step Functions does: pure mapping of API error values (the
 * integration tests reach the same code through the local host).
 */
class LambdaErrorsTest {
  private static final AwsService LAMBDA = AwsServiceCatalog.standard().service("lambda").orElseThrow();

  private static TaskOutcome mapped(int status, String code) {
    return LambdaErrors.fromApi(LAMBDA, AwsApiException.fromService(LAMBDA, code, "msg", status, "req-1"));
  }

  @Test
  void givenModelledServiceErrors_whenMapped_thenLambdaPrefixedClassNameAndSdkV1Cause() {
    TaskOutcome service = mapped(500, "ServiceException");
    TaskOutcome throttled = mapped(429, "TooManyRequestsException");

    assertEquals("Lambda.ServiceException", service.error());
    assertEquals("msg (Service: AWSLambda; Status Code: 500; Error Code: ServiceException; Request ID: req-1; Proxy: null)",
        service.cause());
    assertEquals("Lambda.TooManyRequestsException", throttled.error());
  }

  @Test
  void givenUnmodelledServiceError_whenMapped_thenAwsLambdaException() {
    TaskOutcome outcome = mapped(400, "ValidationException");

    assertEquals("Lambda.AWSLambdaException", outcome.error());
    assertEquals("msg (Service: AWSLambda; Status Code: 400; Error Code: ValidationException; Request ID: req-1; Proxy: null)",
        outcome.cause());
  }

  @Test
  void givenNoAnswer_whenMapped_thenSdkClientException() {
    TaskOutcome outcome = LambdaErrors.fromApi(LAMBDA, AwsApiException.noAnswer(LAMBDA, new IOException("refused"), false));

    assertEquals("Lambda.SdkClientException", outcome.error());
    assertEquals("Unable to execute HTTP request: refused", outcome.cause());
  }

  @Test
  void givenCallTimeout_whenMapped_thenStatesTimeout() {
    assertEquals("States.Timeout",
        LambdaErrors.fromApi(LAMBDA, AwsApiException.noAnswer(LAMBDA, new IOException("aborted"), true)).error());
  }
}
