package io.stepwise.asl;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in a definition; validation never stops at the first. */
public final class Diagnostics {
  // AWS's codes (ValidateStateMachineDefinitionDiagnostic): most problems are schema problems.
  public static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  public static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
  public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
  /**
   * An unreachable state is a missing transition target on AWS: 'State "C" is not reachable.'
   * (recorded in localstack/localstack#11978 and floci-io/floci#2735).
   */
  public static final String UNREACHABLE_STATE = MISSING_TRANSITION_TARGET;
  /** The workflow has no terminal state; at the top level AWS gives it no location (floci-io/floci#2735). */
  public static final String NO_TERMINAL_STATE = "MISSING_END_STATE";
  /** Malformed paths and intrinsics are schema problems on AWS too. */
  public static final String INVALID_JSONPATH = SCHEMA;
  public static final String INVALID_INTRINSIC = SCHEMA;
  /** A JSONata expression that does not parse, with the parser's message (floci-io/floci#2745). */
  public static final String INVALID_JSONATA = "INVALID_JSONATA_EXPRESSION";
  /** A JSONata expression that parses but reads what Step Functions does not give it (floci-io/floci#2670). */
  public static final String UNSUPPORTED_JSONATA = "UNSUPPORTED_JSONATA_EXPRESSION";
  public static final String INVALID_RESOURCE = "INVALID_RESOURCE";
  /** State names must be unique across the whole definition, branches and item processors included. */
  public static final String DUPLICATE_STATE_NAME = "DUPLICATE_STATE_NAME";

  private final List<Diagnostic> problems = new ArrayList<>();

  public void add(String code, String location, String message) {
    problems.add(new Diagnostic(code, location, message));
  }

  /** A schema problem: the most common kind. */
  public void schema(String location, String message) {
    add(SCHEMA, location, message);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Diagnostic> all() {
    return List.copyOf(problems);
  }
}
