package io.stepwise.runtime;

/** A Step Functions API error: its name as AWS spells it ({@code ExecutionAlreadyExists}) and a message. */
public final class ApiException extends RuntimeException {
  private final String code;

  public ApiException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
