package io.stepwise.asl;

import java.util.List;

/** A definition that failed validation; carries every diagnostic. */
public final class InvalidDefinitionException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public InvalidDefinitionException(List<Diagnostic> diagnostics) {
    super("Invalid State Machine Definition: " + diagnostics.size() + " problem(s): " + diagnostics);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
