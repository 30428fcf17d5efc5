package io.stepwise.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;

/**
 * A Lambda API error as the service sends it: an HTTP status, the error code in the
 * {@code x-amzn-ErrorType} header (which the AWS SDKs read), and a JSON body with
 * {@code Type} and {@code message}.
 */
final class LambdaApiException extends RuntimeException {
  private final int status;
  private final String errorType;
  private final String reason;

  LambdaApiException(int status, String errorType, String message) {
    this(status, errorType, message, null);
  }

  /** {@code reason}: the extra {@code Reason} field some errors carry (throttling). */
  LambdaApiException(int status, String errorType, String message, String reason) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
    this.reason = reason;
  }

  static LambdaApiException notFound(String functionArn) {
    return new LambdaApiException(404, "ResourceNotFoundException", "Function not found: " + functionArn);
  }

  int status() {
    return status;
  }

  String errorType() {
    return errorType;
  }

  String body() {
    ObjectNode body = Json.object();
    if (reason != null) body.put("Reason", reason);
    body.put("Type", status >= 500 ? "Service" : "User");
    body.put("message", getMessage());
    return Json.write(body);
  }
}
