package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** One case's verdict, as the --report-json file lists it. */
public record CaseResult(
    String name, String file, boolean passed, String status, JsonNode output, String error, String cause,
    String message) {}
