package io.stepwise.conformance;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.items.ObjectStorage;
import io.stepwise.json.Json;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.S3rverServer;
import java.io.InputStream;
import java.util.Map;

/**
 * s3rver for the cases that seed objects, on the Lambda runtime. The cases run at once, so each
 * case's buckets live under a name of its own ({@code case-N-bucket}): its Maps see only its
 * objects, and its results land in its own buckets. The engine keeps the case's names.
 */
final class CaseBuckets implements AutoCloseable {
  private static final String REGION = AwsClients.DEFAULT_REGION.id();

  private final S3rverServer server;
  private final ObjectStorage s3;
  private final AwsApiCaller aws;
  private final AwsService service = AwsServiceCatalog.standard().service("s3").orElseThrow();

  private CaseBuckets(S3rverServer server) {
    this.server = server;
    s3 = LocalIntegrations.storage(server.endpoint(), null, REGION);
    aws = new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.local(Map.of("s3", server.endpoint()), null,
        "the conformance runner's s3rver serves only S3"));
  }

  static CaseBuckets start() {
    return new CaseBuckets(S3rverServer.startTemporary(null));
  }

  /** Creates the buckets of the case run by machine {@code machineName} and puts its objects. */
  void seed(String machineName, CaseObjects objects) {
    objects.seed(new CaseObjects.Target() {
      @Override
      public void createBucket(String bucket) {
        try {
          aws.call(service, service.operation("createBucket").orElseThrow(),
              Json.object().put("Bucket", own(machineName, bucket)), AwsClients.S3RVER_CREDENTIALS.resolveCredentials(),
              REGION);
        } catch (AwsApiException e) {
          throw new IllegalStateException("s3rver did not create bucket " + own(machineName, bucket) + ": " + e.getMessage(), e);
        }
      }

      @Override
      public void put(String bucket, String key, byte[] body) {
        s3.write(own(machineName, bucket), key, body);
      }
    });
  }

  /** The storage the runtime is given: as an execution, it reaches that execution's case's buckets. */
  ObjectStorage storage() {
    return new CaseView(null);
  }

  /** One case's buckets under their own names; {@code machineName} null before {@link #as} names the case. */
  private final class CaseView implements ObjectStorage {
    private final String machineName;

    CaseView(String machineName) {
      this.machineName = machineName;
    }

    @Override
    public ObjectStorage as(String executionArn, String roleArn) {
      return new CaseView(machineOf(executionArn));
    }

    @Override
    public InputStream read(String bucket, String key, long fromByte) {
      return s3.read(bucket(bucket), key, fromByte);
    }

    @Override
    public ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys) {
      return s3.list(bucket(bucket), prefix, startAfter, maxKeys);
    }

    @Override
    public void write(String bucket, String key, byte[] body) {
      s3.write(bucket(bucket), key, body);
    }

    private String bucket(String bucket) {
      if (machineName == null) throw new IllegalStateException("case storage is used as an execution's (ObjectStorage.as)");
      return own(machineName, bucket);
    }
  }

  private static String own(String machineName, String bucket) {
    return machineName + "-" + bucket;
  }

  /** The machine's name in an execution ARN ({@code ...:execution:case-3:run}, a Map Run's child {@code case-3/Map:...}). */
  static String machineOf(String executionArn) {
    String name = executionArn.split(":")[6];
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  @Override
  public void close() {
    server.close();
  }
}
