package io.stepwise.functions;

/**
 * EchoFunction's failure for an errorType that names no exception class it can throw.
 *
 * <p>Java Lambda reports the class name as errorType, so Step Functions sees the error
 * {@code io.stepwise.functions.TaskFailure}; the requested errorType leads the message
 * ({@code "Custom.Error: the message"}), which Step Functions shows inside the Cause.
 */
public class TaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;

  public TaskFailure(String errorType, String message) {
    super(errorType + ": " + message);
    this.errorType = errorType;
  }

  /** The errorType the input asked for. */
  public String errorType() {
    return errorType;
  }
}
