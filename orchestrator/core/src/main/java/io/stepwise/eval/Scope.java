package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an expression can see: the state's effective input ({@code $}), the context object
 * ({@code $$}), the variables in scope ({@code $name}) and the step's {@link Sources} of time and
 * randomness. The context object is built only when something reads it, since most states never do.
 */
public final class Scope {
  private final JsonNode input;
  private final Map<String, JsonNode> variables;
  private final Sources sources;
  private Supplier<JsonNode> contextSource;
  private JsonNode context;
  // The state input's text, whose spans give the text of the subtrees it holds (or null).
  private JsonText inputText;

  public Scope(JsonNode input, JsonNode context, Map<String, JsonNode> variables, Sources sources) {
    this.input = input;
    this.context = context;
    this.variables = variables;
    this.sources = sources;
  }

  private Scope(JsonNode input, Supplier<JsonNode> contextSource, Map<String, JsonNode> variables, Sources sources) {
    this.input = input;
    this.contextSource = contextSource;
    this.variables = variables;
    this.sources = sources;
  }

  /** A scope whose context object is made on first use. */
  public static Scope lazy(JsonNode input, Supplier<JsonNode> contextSource, Map<String, JsonNode> variables,
      Sources sources) {
    return new Scope(input, contextSource, variables, sources);
  }

  public JsonNode input() {
    return input;
  }

  public JsonNode context() {
    if (context == null && contextSource != null) {
      context = contextSource.get();
      contextSource = null;
    }
    return context;
  }

  public Map<String, JsonNode> variables() {
    return variables;
  }

  public Sources sources() {
    return sources;
  }

  public Scope withInput(JsonNode newInput) {
    Scope scope = new Scope(newInput, context, variables, sources);
    scope.contextSource = contextSource;
    scope.inputText = inputText;
    return scope;
  }

  /** This scope, knowing the text of the state input that its nodes come from. */
  public Scope withInputText(JsonText text) {
    inputText = text;
    return this;
  }

  /** The JSON text of {@code node}, as {@link Json#write} prints it: copied from the input's text when it holds it. */
  public String print(JsonNode node) {
    String known = inputText == null ? null : inputText.textOf(node);
    return known != null ? known : Json.write(node);
  }

  /** The value of variable {@code name}, or null when it is not defined. */
  public JsonNode variable(String name) {
    return variables == null ? null : variables.get(name);
  }
}
