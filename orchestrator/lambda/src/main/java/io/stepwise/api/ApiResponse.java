package io.stepwise.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the Step Functions API, transport-free: the HTTP status, the error code for the
 * {@code x-amzn-ErrorType} header (null on success), the JSON body and the request id for the
 * {@code x-amzn-RequestId} header (null until the API has given it one).
 */
public record ApiResponse(int status, String errorType, String body, String requestId) {
  /** What Step Functions answers with, and what its clients send. */
  public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

  public ApiResponse(int status, String errorType, String body) {
    this(status, errorType, body, null);
  }

  public ApiResponse withRequestId(String id) {
    return new ApiResponse(status, errorType, body, id);
  }

  /** The response headers: the content type, the request id and, for errors, {@code x-amzn-ErrorType}. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    if (requestId != null) headers.put(REQUEST_ID_HEADER, requestId);
    if (errorType != null) headers.put(ApiErrors.ERROR_TYPE_HEADER, errorType);
    return headers;
  }

  public boolean isError() {
    return errorType != null;
  }
}
