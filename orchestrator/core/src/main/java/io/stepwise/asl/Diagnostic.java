package io.stepwise.asl;

/**
 * One problem in a state machine definition, located by the JSON path of the offending field
 * (e.g. {@code /States/Check/Choices[0]/Next}), as ValidateStateMachineDefinition reports it.
 * The machine itself is {@code /}, as on AWS; a problem with no place in the definition (text
 * that is no JSON object at all, a whole machine without a terminal state) has a null location,
 * which AWS leaves out.
 *
 * @param code a Step Functions diagnostic code such as {@code SCHEMA_VALIDATION_FAILED}
 */
public record Diagnostic(String code, String location, String message) {
  public Diagnostic {
    if (location != null && location.isEmpty()) location = "/";
  }

  @Override
  public String toString() {
    return location == null ? code + ": " + message : code + " at " + location + ": " + message;
  }
}
