package io.stepwise.console;

import java.util.Map;

/**
 * Where the console's Step Functions calls go (JSON 1.0 protocol): the local stack's API in the
 * same JVM, or a deployed one through {@link SigningForwarder}. The console reads and acts only
 * through it.
 */
@FunctionalInterface
public interface SfnEndpoint {
  /**
   * @param target {@code AWSStepFunctions.<Operation>}
   * @param body the JSON request
   */
  Reply call(String target, String body);

  /** The API's answer as it came: status, the headers the protocol needs (content type, error type), body. */
  record Reply(int status, Map<String, String> headers, String body) {}
}
