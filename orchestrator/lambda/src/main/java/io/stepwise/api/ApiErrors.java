package io.stepwise.api;

import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.ExecutionStore;

/**
 * Errors as Step Functions sends them: HTTP 400 with {@code {"__type":
 * "com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists", "message": "..."}} and the code
 * in the {@code x-amzn-ErrorType} header. The AWS SDK for Java reads the code from that header
 * (else from {@code __type}, after its '#') and maps it to the modelled exception
 * ({@code ExecutionAlreadyExistsException}); botocore reads {@code __type}.
 */
public final class ApiErrors {
  public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
  static final String TYPE_PREFIX = "com.amazonaws.swf.service.v2.model#";

  private ApiErrors() {}

  /**
   * A client error with the code and message: 400, but for the two errors the API's model gives
   * statuses of their own (ConflictException 409, ServiceQuotaExceededException 402).
   */
  public static ApiResponse of(String code, String message) {
    int status = switch (code) {
      case "ConflictException" -> 409;
      case "ServiceQuotaExceededException" -> 402;
      default -> 400;
    };
    return response(status, code, message);
  }

  /**
   * Any failure of an operation as its response. Unexpected ones are AWS's InternalFailure, a 500
   * the SDK retries, with AWS's wording and the request id; their detail (class names, the
   * storage's own request ids) goes to the log under that id, never to the client.
   */
  public static ApiResponse of(RuntimeException e, String operation, String requestId) {
    if (e instanceof ApiException api) return of(api.code(), api.getMessage());
    if (e instanceof UnsupportedOperationException) {
      return of("UnsupportedOperation", operation + " is not supported by Stepwise yet: " + e.getMessage());
    }
    if (e instanceof ExecutionStore.ConflictException) return response(503, "ServiceUnavailable", e.getMessage());
    synchronized (System.err) {
      System.err.println("stepwise api: " + operation + " failed, request id " + requestId);
      e.printStackTrace();
    }
    return response(500, "InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure. (Request ID: " + requestId + ")");
  }

  /** A member that breaks its constraint, worded as the API's schema check words it. */
  static ApiException validation(String message) {
    return new ApiException("ValidationException", "1 validation error detected: " + message);
  }

  /** A request Step Functions refuses on its meaning (TestState's mocks and context): the message alone. */
  static ApiException refused(String message) {
    return new ApiException("ValidationException", message);
  }

  private static ApiResponse response(int status, String code, String message) {
    String body = Json.write(Json.object().put("__type", TYPE_PREFIX + code).put("message", message));
    return new ApiResponse(status, code, body);
  }
}
