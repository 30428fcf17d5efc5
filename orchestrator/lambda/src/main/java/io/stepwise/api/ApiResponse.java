package io.stepwise.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the Step Functions API, transport-free: the HTTP status, the error code for the
 * {@code x-amzn-ErrorType} header (null on success) and the JSON body.
 */
public record ApiResponse(int status, String errorType, String body) {
  /** What Step Functions answers with, and what its clients send. */
  public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  /** The response headers: the content type and, for errors, {@code x-amzn-ErrorType}. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    if (errorType != null) headers.put(ApiErrors.ERROR_TYPE_HEADER, errorType);
    return headers;
  }

  public boolean isError() {
    return errorType != null;
  }
}
