package io.stepwise.aws.integrations;

import io.stepwise.engine.Command;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The credentials a Task's call runs with. */
public interface TaskCredentials {
  AwsCredentialsIdentity forTask(Command.InvokeTask call, String region) throws AccessDenied;

  /** Always the same credentials (tests, and the local stack against local servers). */
  static TaskCredentials fixed(AwsCredentialsProvider provider) {
    return (call, region) -> provider.resolveCredentials();
  }

  /** Credentials built on their first use, so a handler's cold start does not load STS's model. */
  static TaskCredentials lazy(java.util.function.Supplier<? extends TaskCredentials> build) {
    return new TaskCredentials() {
      private volatile TaskCredentials built;

      @Override
      public AwsCredentialsIdentity forTask(Command.InvokeTask call, String region) throws AccessDenied {
        TaskCredentials credentials = built;
        if (credentials == null) {
          synchronized (this) {
            if (built == null) built = build.get();
            credentials = built;
          }
        }
        return credentials.forTask(call, region);
      }
    };
  }

  /** The call may not run: its role cannot be assumed, or it targets Stepwise's own resources. */
  final class AccessDenied extends Exception {
    public AccessDenied(String message) {
      super(message, null, false, false);
    }
  }
}
