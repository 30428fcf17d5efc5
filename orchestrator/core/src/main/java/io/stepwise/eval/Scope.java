package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What an expression can see: the state's effective input ({@code $}), the context object
 * ({@code $$}) and the variables in scope ({@code $name}).
 */
public record Scope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
  public Scope withInput(JsonNode newInput) {
    return new Scope(newInput, context, variables);
  }

  /** The value of variable {@code name}, or null when it is not defined. */
  public JsonNode variable(String name) {
    return variables == null ? null : variables.get(name);
  }
}
