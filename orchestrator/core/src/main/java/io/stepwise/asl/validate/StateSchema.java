package io.stepwise.asl.validate;

import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type accepts, and which of them belong to one query language only.
 * A field outside its type's set is "not supported"; a field inside it but tied to the other
 * query language is reported as a query-language mismatch.
 */
final class StateSchema {
  private StateSchema() {}

  /** The query language a state is evaluated with. */
  enum Lang {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    final String text;

    Lang(String text) {
      this.text = text;
    }

    Lang other() {
      return this == JSONPATH ? JSONATA : JSONPATH;
    }

    /** AWS resolves to JSONPath only on the exact string; any other present value means JSONata. */
    static Lang of(String text) {
      return "JSONPath".equals(text) ? JSONPATH : JSONATA;
    }
  }

  static final Set<String> TYPES = Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  /** Types that move on with Next or stop with End; the others (Choice, Succeed, Fail) have neither. */
  static final Set<String> FLOW_TYPES = Set.of("Pass", "Task", "Wait", "Parallel", "Map");

  /** Fields only a JSONPath state (or its catchers and Map configurations) may carry. */
  static final Set<String> JSONPATH_ONLY = Set.of(
      "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Result",
      "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
      "ItemsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
      "MaxItemsPath", "MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath");

  /** Fields only a JSONata state (or its catchers and Map configurations) may carry. */
  static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

  private static final Map<String, Set<String>> FIELDS = Map.of(
      "Pass", union("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath", "Result",
          "Output", "Assign"),
      "Task", union("Next", "End", "Resource", "InputPath", "OutputPath", "Parameters", "ResultSelector",
          "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds",
          "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
      "Choice", union("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign"),
      "Wait", union("Next", "End", "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "InputPath",
          "OutputPath", "Output", "Assign"),
      "Succeed", union("InputPath", "OutputPath", "Output"),
      "Fail", union("Error", "Cause", "ErrorPath", "CausePath"),
      "Parallel", union("Next", "End", "Branches", "InputPath", "OutputPath", "Parameters", "ResultSelector",
          "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch"),
      "Map", union("Next", "End", "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector",
          "Parameters", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath",
          "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
          "ToleratedFailurePercentagePath", "Label", "InputPath", "OutputPath", "ResultSelector", "ResultPath",
          "Output", "Assign", "Retry", "Catch"));

  /** Fields a state of {@code type} accepts in either query language; type must be one of {@link #TYPES}. */
  static Set<String> fields(String type) {
    return FIELDS.get(type);
  }

  /** The query language a field is tied to, or null when both accept it. */
  static Lang onlyIn(String field) {
    if (JSONPATH_ONLY.contains(field)) return Lang.JSONPATH;
    if (JSONATA_ONLY.contains(field)) return Lang.JSONATA;
    return null;
  }

  private static Set<String> union(String... fields) {
    java.util.HashSet<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(Set.of(fields));
    return Set.copyOf(all);
  }
}
