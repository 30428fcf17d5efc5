package io.stepwise.lambda.deploy;

/** Delivers a custom resource response to CloudFormation. */
public interface ResponseSender {
  /** PUTs {@code body} to the pre-signed {@code responseUrl}; throws when it could not be delivered. */
  void send(String responseUrl, String body);
}
