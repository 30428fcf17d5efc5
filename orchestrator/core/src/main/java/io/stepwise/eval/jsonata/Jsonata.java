package io.stepwise.eval.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSONata for ASL's {@code QueryLanguage: JSONata}: {@code {% expr %}} strings, alone or inside
 * Arguments/Output/Assign templates. STUB: signatures are the contract.
 */
public final class Jsonata {
  private Jsonata() {}

  /** True when {@code text} is a whole {@code {% ... %}} expression string. */
  public static boolean isExpression(String text) {
    return text != null && text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
  }

  /** The expression between {@code {%} and {@code %}}, trimmed. */
  public static String body(String text) {
    return text.substring(2, text.length() - 2).trim();
  }

  /** Checks an expression's syntax. @throws IllegalArgumentException naming the problem */
  public static void validate(String body) {
    throw new UnsupportedOperationException("jsonata not implemented yet");
  }

  /**
   * Evaluates one expression (the body, without the braces).
   *
   * @param field the ASL field it came from, for error causes ("Arguments", "Output", ...)
   * @return the result as JSON; null when the expression yields JSONata's undefined
   * @throws io.stepwise.eval.StatesError States.QueryEvaluationError with AWS's cause text
   */
  public static JsonNode evaluate(String body, JsonataBindings bindings, String field) {
    throw new UnsupportedOperationException("jsonata not implemented yet");
  }

  /**
   * Evaluates a template: every string that is a {@code {% %}} expression, at any depth of
   * objects and arrays, is replaced by its value; everything else is kept as written.
   */
  public static JsonNode evaluateTemplate(JsonNode template, JsonataBindings bindings, String field) {
    throw new UnsupportedOperationException("jsonata not implemented yet");
  }
}
