package io.stepwise.aws.api;

import io.stepwise.integrations.aws.AwsService;

/**
 * A failed API call under Step Functions' names: {@code ServiceName.ExceptionName} for a service
 * error the API models, {@code ServiceName.ServiceNameException} for one it does not, and
 * {@code ServiceName.SdkClientException} when no answer came back.
 */
public final class AwsApiException extends Exception {
  private final String error;
  private final String code;
  private final int status;
  private final String serviceMessage;
  private final String requestId;
  private final boolean timedOut;

  private AwsApiException(String error, String code, int status, String serviceMessage, String requestId, String message,
      boolean timedOut) {
    super(message, null, false, false);
    this.error = error;
    this.code = code;
    this.status = status;
    this.serviceMessage = serviceMessage;
    this.requestId = requestId;
    this.timedOut = timedOut;
  }

  public static AwsApiException fromService(AwsService service, String code, String message, int status, String requestId) {
    String known = code == null || code.isEmpty() ? null : code;
    // The SDK v2 names a code its API does not model after the service's base exception:
    // DynamoDB's ValidationException is DynamoDb.DynamoDbException (test_aws_sdk's recordings).
    String error = service.models(known) ? service.errorName(known) : service.name() + "." + service.name() + "Exception";
    String text = message == null ? "" : message;
    return new AwsApiException(error, known, status, text, requestId, text + " (Service: " + service.name()
        + ", Status Code: " + status + ", Request ID: " + requestId + ")", false);
  }

  public static AwsApiException noAnswer(AwsService service, Exception e, boolean timedOut) {
    String message = timedOut ? "the call did not finish in time" : "Unable to execute HTTP request: " + e.getMessage();
    return new AwsApiException(service.name() + ".SdkClientException", null, 0, message, null, message, timedOut);
  }

  /** The error name, {@code S3.NoSuchKeyException}, with the service's name as the runtime gives it. */
  public String error() {
    return error;
  }

  /** The same error under another service prefix (optimized integrations keep Step Functions' own, e.g. {@code SNS}). */
  public String error(String prefix) {
    return prefix + error.substring(error.indexOf('.'));
  }

  /** The service's own error code ({@code ThrottlingException}, {@code NoSuchKey}), or null when no answer came. */
  public String code() {
    return code;
  }

  /** The HTTP status, 0 when no answer came. */
  public int status() {
    return status;
  }

  public String serviceMessage() {
    return serviceMessage;
  }

  public String requestId() {
    return requestId;
  }

  /** The call's own timeout ended it (the Task's TimeoutSeconds). */
  public boolean timedOut() {
    return timedOut;
  }
}
