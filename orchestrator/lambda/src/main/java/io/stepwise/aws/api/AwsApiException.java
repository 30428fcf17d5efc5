package io.stepwise.aws.api;

import io.stepwise.integrations.aws.AwsService;

/**
 * A failed API call under Step Functions' names: {@code ServiceName.ExceptionName} for a service
 * error, {@code ServiceName.SdkClientException} when no answer came back.
 *
 * @param code the service's own error code ({@code ThrottlingException}, {@code NoSuchKey})
 */
public final class AwsApiException extends Exception {
  private final String code;
  private final int status;
  private final String error;

  AwsApiException(String error, String code, int status, String message) {
    super(message, null, false, false);
    this.error = error;
    this.code = code;
    this.status = status;
  }

  static AwsApiException fromService(AwsService service, String code, String message, int status, String requestId) {
    String known = code == null || code.isEmpty() ? null : code;
    String error = known == null ? service.name() + "." + service.name() + "Exception" : service.errorName(known);
    return new AwsApiException(error, known, status, (message == null ? "" : message) + " (Service: " + service.name()
        + ", Status Code: " + status + ", Request ID: " + requestId + ")");
  }

  static AwsApiException noAnswer(AwsService service, Exception e) {
    return new AwsApiException(service.name() + ".SdkClientException", null, 0,
        "Unable to execute HTTP request: " + e.getMessage());
  }

  /** The error name, {@code S3.NoSuchKeyException}, with the service's name as the runtime gives it. */
  public String error() {
    return error;
  }

  /** The same error under another service prefix (optimized integrations keep Step Functions' own, e.g. {@code SNS}). */
  public String error(String prefix) {
    return prefix + error.substring(error.indexOf('.'));
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
