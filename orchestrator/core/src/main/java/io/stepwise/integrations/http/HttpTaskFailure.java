package io.stepwise.integrations.http;

/** A Task's HTTP call cannot be made or did not succeed: the Task fails with this error and cause. */
public final class HttpTaskFailure extends Exception {
  private final String error;

  public HttpTaskFailure(String error, String cause) {
    super(cause, null, false, false);
    this.error = error;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return getMessage();
  }
}
