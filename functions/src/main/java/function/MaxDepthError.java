package function;

/**
 * Thrown when the random-error function's new depth reaches max-depth. Step Functions sees the
 * error {@code function.MaxDepthError} (the class name; see package-info).
 */
public class MaxDepthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MaxDepthError(String message) {
    super(message);
  }
}
