package io.stepwise.driver;

/** A Task the driver has no way to carry out (no mock, no function host): a setup problem, not an ASL error. */
public final class UnsupportedTaskException extends RuntimeException {
  public UnsupportedTaskException(String message) {
    super(message);
  }
}
