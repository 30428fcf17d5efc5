package io.stepwise.asl;

/**
 * One problem in a state machine definition, located by the JSON path of the offending field
 * (e.g. {@code /States/Check/Choices/0/Next}), as ValidateStateMachineDefinition reports it.
 *
 * @param code a Step Functions diagnostic code such as {@code SCHEMA_VALIDATION_FAILED}
 */
public record Diagnostic(String code, String location, String message) {
  @Override
  public String toString() {
    return code + " at " + location + ": " + message;
  }
}
