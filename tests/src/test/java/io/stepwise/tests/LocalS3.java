package io.stepwise.tests;

import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.S3rverServer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * JUnit 5 extension: one s3rver for the whole test JVM, started on first use, and a path-style
 * {@link S3Client} for it as a test parameter. Tests share the server, so each makes its own
 * bucket with {@link #newBucket}.
 */
public final class LocalS3 implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalS3.class);

  /** The server of this JVM, started on first use. */
  public static Server server(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
  }

  /** Creates a bucket no other test in this JVM uses and returns its name. */
  public static String newBucket(S3Client s3, String prefix) {
    String bucket = LocalAws.uniqueName(prefix);
    s3.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == S3Client.class || type == Server.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Server server = server(context);
    return parameter.getParameter().getType() == S3Client.class ? server.s3() : server;
  }

  /** s3rver and a shared client (SDK clients are thread-safe). */
  public static final class Server implements AutoCloseable {
    private final S3rverServer s3rver;
    private final S3Client s3;

    private Server(S3rverServer s3rver) {
      this.s3rver = s3rver;
      this.s3 = newS3(AwsClients.Http.APACHE5);
    }

    static Server start() {
      return new Server(S3rverServer.startTemporary(Path.of("target/s3rver.log")));
    }

    public S3Client s3() {
      return s3;
    }

    /** A new client over the given HTTP client; the caller closes it. */
    public S3Client newS3(AwsClients.Http http) {
      return AwsClients.s3(endpoint(), AwsClients.DEFAULT_REGION, http);
    }

    public URI endpoint() {
      return s3rver.endpoint();
    }

    public long pid() {
      return s3rver.pid();
    }

    @Override
    public void close() {
      try (s3rver; s3) {
        // the client first, then the server
      }
    }
  }
}
