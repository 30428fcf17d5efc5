package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One case's verdict, as the --report-json file lists it.
 *
 * @param history the run's history in the README's shape, or null when it did not run
 * @param historyExact whether it is the recorded history; null when the case records none
 */
public record CaseResult(
    String name, String file, boolean passed, String status, JsonNode output, String error, String cause,
    String message, JsonNode history, Boolean historyExact) {

  /** A case that did not run to a result; a history it records counts as not matched. */
  static CaseResult notRun(String name, String file, JsonNode caseFile, String status, String message) {
    boolean recordsHistory = caseFile != null && caseFile.path("expected").path("history").isArray();
    return new CaseResult(name, file, false, status, null, null, null, message, null, recordsHistory ? false : null);
  }
}
