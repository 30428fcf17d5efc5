package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;

/**
 * The {@code States.QueryEvaluationError} failures of a JSONata expression, with AWS's cause text.
 *
 * <p>Every cause names the expression (the body, without the braces) and the field it was written
 * in, as a path relative to the state ({@code Output}, {@code Arguments/Payload/id},
 * {@code Assign/x}, {@code Output/list[0]}). The engine adds the state prefix
 * ("An error occurred while executing the state ...") itself.
 */
public final class JsonataErrors {
  private JsonataErrors() {}

  /** {@code ... returned nothing (undefined).} */
  public static StatesError undefinedResult(String expression, String field) {
    return StatesError.query(subject(expression, field) + " returned nothing (undefined).");
  }

  /** {@code ... returned an unsupported result type.}: a function, which JSON cannot hold. */
  public static StatesError unsupportedResult(String expression, String field) {
    return StatesError.query(subject(expression, field) + " returned an unsupported result type.");
  }

  /**
   * {@code ... returned an unexpected result type. Expected 'array', but was 'string' for value: "s"},
   * the value printed as compact JSON.
   */
  public static StatesError unexpectedType(String expression, String field, String expected, JsonNode value) {
    return StatesError.query(subject(expression, field) + " returned an unexpected result type. Expected '"
        + expected + "', but was '" + Json.typeName(value) + "' for value: " + Json.write(value));
  }

  /**
   * {@code ... threw an error during evaluation. T2001: The left side of the "+" operator must
   * evaluate to a number}: the JSONata code and message after a full stop, or an uncoded message
   * (a bound the evaluation ran into) after a colon.
   */
  static StatesError evaluationFailed(String expression, String field, Throwable failure) {
    String subject = subject(expression, field);
    if (failure instanceof JException e) {
      return StatesError.query(subject + thrown(JsonataMessages.code(e) != null,
          JsonataMessages.describe(e, expression)));
    }
    if (failure instanceof JsonataFunctionError e) {
      return StatesError.query(subject + thrown(e.code() != null,
          e.code() == null ? e.getMessage() : e.code() + ": " + e.getMessage()));
    }
    if (failure instanceof StackOverflowError) {
      return StatesError.query(subject + thrown(false, JsonataMessages.STACK_OVERFLOW));
    }
    // A defect of the library rather than of the expression; AWS words its own the same way.
    // The innermost message only: Java class names are no part of a Step Functions cause.
    return StatesError.query(subject + " threw an internal error during evaluation. " + innermostMessage(failure));
  }

  private static String innermostMessage(Throwable failure) {
    Throwable inner = failure;
    while (inner.getCause() != null && inner.getCause() != inner) inner = inner.getCause();
    // The JVM's own faults speak of classes and indexes ("class java.util.regex.Pattern cannot be
    // cast to class java.lang.String"): nothing a workflow's author can act on.
    boolean jvmFault = inner instanceof ClassCastException || inner instanceof NullPointerException
        || inner instanceof IndexOutOfBoundsException;
    return inner.getMessage() != null && !jvmFault ? inner.getMessage() : "An unexpected error occurred";
  }

  private static String thrown(boolean coded, String detail) {
    return " threw an error during evaluation" + (coded ? ". " : ": ") + detail;
  }

  private static String subject(String expression, String field) {
    return "The JSONata expression '" + expression + "' specified for the field '" + field + "'";
  }
}
