package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;

/** The right-hand side of a comparison: a literal, or the value at a path for {@code ...Path} operators. */
public sealed interface Operand {
  /** @throws io.stepwise.eval.StatesError States.Runtime when a path operand names nothing */
  JsonNode value(Scope scope);

  /** A constant from the definition, e.g. the {@code 20} of {@code "NumericEquals": 20}. */
  record Literal(JsonNode value) implements Operand {
    @Override
    public JsonNode value(Scope scope) {
      return value;
    }
  }

  /** The value at a path, e.g. the {@code $.limit} of {@code "NumericEqualsPath": "$.limit"}. */
  record Path(ChoicePath path) implements Operand {
    @Override
    public JsonNode value(Scope scope) {
      return path.require(scope);
    }
  }
}
