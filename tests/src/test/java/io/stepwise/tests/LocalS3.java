package io.stepwise.tests;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.s3.S3ObjectStorage;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.S3rverServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * JUnit 5 extension: one s3rver for the whole test JVM, started on first use, and a path-style
 * {@link S3Client} for it as a test parameter (the tests' own client, to seed and check buckets;
 * Stepwise itself reaches S3 through {@link #storage}). Tests share the server, so each makes its own
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

  /**
   * An S3 client for s3rver at {@code endpoint}: path-style (s3rver has no virtual hosts), and
   * no aws-chunked uploads and checksums only where an API requires them, since s3rver would
   * store the chunk framing as the object's bytes.
   */
  public static S3Client s3(URI endpoint, AwsClients.Http http) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(AwsClients.DEFAULT_REGION)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(AwsClients.S3RVER_CREDENTIALS)
        .httpClientBuilder(http.builder())
        .build();
  }

  /** The object storage Distributed Maps use, on s3rver at {@code endpoint}: the protocol caller, as in Lambda. */
  public static S3ObjectStorage storage(URI endpoint) {
    AwsApiCaller caller = new AwsApiCaller(UrlConnectionHttpClient.create(),
        AwsEndpoints.local(Map.of("s3", endpoint), null, "s3rver serves only S3"));
    return new S3ObjectStorage(caller, AwsClients.S3RVER_CREDENTIALS, AwsClients.DEFAULT_REGION.id());
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
      return LocalS3.s3(endpoint(), http);
    }

    /** Stepwise's own view of this server: see {@link LocalS3#storage}. */
    public S3ObjectStorage storage() {
      return LocalS3.storage(endpoint());
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
