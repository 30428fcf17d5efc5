package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An API call's answer: its members in PascalCase, and the HTTP facts Step Functions shows beside them. */
public record AwsResponse(int status, Map<String, List<String>> headers, JsonNode body, String requestId) {}
