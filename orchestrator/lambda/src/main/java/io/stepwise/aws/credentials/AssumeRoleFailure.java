package io.stepwise.aws.credentials;

/** STS would not give credentials for a role; the message names the role and STS's error. */
public final class AssumeRoleFailure extends Exception {
  public AssumeRoleFailure(String message) {
    super(message, null, false, false);
  }
}
