package function;

/**
 * Thrown when the random-error function's two dice show the same number. Step Functions sees the
 * error {@code function.DoublesRolledError} (the class name; see package-info).
 */
public class DoublesRolledError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DoublesRolledError(String message) {
    super(message);
  }
}
