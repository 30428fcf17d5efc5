package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.validate.DefinitionValidator;
import java.util.List;

/** Validates, then parses: the one way in for a definition from outside. */
public final class Definitions {
  private Definitions() {}

  /** @throws InvalidDefinitionException listing every problem, when the definition is invalid */
  public static StateMachine load(JsonNode definition) {
    List<Diagnostic> problems = DefinitionValidator.validate(definition);
    if (!problems.isEmpty()) throw new InvalidDefinitionException(problems);
    return StateMachineParser.parse(definition);
  }
}
