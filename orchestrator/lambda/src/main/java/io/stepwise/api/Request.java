package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.runtime.ApiException;
import java.util.List;
import java.util.Set;

/**
 * A request body's members, read the way Step Functions checks them: a missing required member
 * or a value out of its constraints is a {@code ValidationException} worded as AWS words it.
 */
final class Request {
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;

  private final JsonNode body;

  Request(JsonNode body) {
    this.body = body;
  }

  /** A string member; null when absent. */
  String string(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual()) throw new ApiException("SerializationException", "Member '" + field + "' must be a string");
    return value.asText();
  }

  String required(String field) {
    String value = string(field);
    if (value == null) {
      throw ApiErrors.validation("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  /** A string member of at most {@code maxLength} characters; null when absent. */
  String string(String field, int maxLength) {
    String value = string(field);
    if (value != null && value.length() > maxLength) {
      throw ApiErrors.validation("Value at '" + field + "' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + maxLength);
    }
    return value;
  }

  /** A string member that must be one of {@code allowed} (listed sorted when refused); {@code absent} when it is absent. */
  String oneOf(String field, Set<String> allowed, String absent) {
    return oneOf(field, allowed.stream().sorted().toList(), absent);
  }

  /**
   * A string member that must be one of {@code allowed}, listed in the refusal in that order:
   * AWS's own for ListExecutions' statusFilter is not alphabetical (test_sfn_api.py::
   * test_state_machine_status_filter: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]).
   */
  String oneOf(String field, List<String> allowed, String absent) {
    String value = string(field);
    if (value == null) return absent;
    if (!allowed.contains(value)) {
      throw ApiErrors.validation("Value '" + value + "' at '" + field + "' failed to satisfy constraint: "
          + "Member must satisfy enum value set: " + allowed);
    }
    return value;
  }

  /**
   * {@code nextToken}, at most {@code maxLength} characters (1024 for most List operations,
   * 3096 for ListExecutions and GetExecutionHistory). AWS checks the length before it reads the
   * token, naming the value (test_sfn_api.py::test_list_sms_pagination and
   * test_list_executions_pagination: a 1025- or 3097-character token is a ValidationException,
   * not InvalidToken).
   */
  String nextToken(int maxLength) {
    String value = string("nextToken");
    if (value != null && value.length() > maxLength) {
      throw ApiErrors.validation("Value '" + value + "' at 'nextToken' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + maxLength);
    }
    return value;
  }

  boolean bool(String field, boolean absent) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) return absent;
    if (!value.isBoolean()) throw new ApiException("SerializationException", "Member '" + field + "' must be a boolean");
    return value.booleanValue();
  }

  /** {@code maxResults}: 0 or absent means the default page of 100; at most 1000. */
  int maxResults() {
    JsonNode value = body.get("maxResults");
    if (value == null || value.isNull()) return DEFAULT_PAGE;
    if (!value.canConvertToInt()) throw new ApiException("SerializationException", "Member 'maxResults' must be an integer");
    int max = value.intValue();
    if (max < 0 || max > MAX_PAGE) {
      throw ApiErrors.validation("Value '" + max + "' at 'maxResults' failed to satisfy constraint: "
          + "Member must have value " + (max < 0 ? "greater than or equal to 0" : "less than or equal to " + MAX_PAGE));
    }
    return max == 0 ? DEFAULT_PAGE : max;
  }

  /** The whole body, for members with structure (routing, tags, mocks). */
  JsonNode body() {
    return body;
  }

  boolean has(String field) {
    JsonNode value = body.get(field);
    return value != null && !value.isNull();
  }
}
