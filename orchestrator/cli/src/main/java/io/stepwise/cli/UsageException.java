package io.stepwise.cli;

/** Bad command-line arguments. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
