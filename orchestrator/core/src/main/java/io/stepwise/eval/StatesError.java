package io.stepwise.eval;

/**
 * An ASL runtime failure raised while evaluating a state: a Step Functions error name
 * ({@code States.Runtime}, {@code States.QueryEvaluationError}, ...) and its cause.
 *
 * <p>Evaluation code throws it so deep helpers stay simple; the engine catches it at the state
 * boundary and turns it into a failure value, so it never escapes {@code step}.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public static StatesError runtime(String cause) {
    return new StatesError(ErrorNames.RUNTIME, cause);
  }


  public static StatesError query(String cause) {
    return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, cause);
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
