package io.stepwise.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.engine.Command;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.items.ObjectStorage;
import io.stepwise.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@link ObjectStorage} on S3 through the protocol-level caller (no S3 SDK in the jar): a
 * GetObject streamed from a byte offset (a ranged GET), ListObjectsV2 with StartAfter, PutObject.
 */
public final class S3ObjectStorage implements ObjectStorage {
  /** S3's model, loaded on the first call rather than with the handler (a holder class). */
  private static final class Api {
    static final AwsService S3 = AwsServiceCatalog.standard().service("s3").orElseThrow();
    static final AwsOperation GET_OBJECT = S3.operation("getObject").orElseThrow();
    static final AwsOperation LIST_OBJECTS = S3.operation("listObjectsV2").orElseThrow();
    static final AwsOperation PUT_OBJECT = S3.operation("putObject").orElseThrow();
  }

  private final AwsApiCaller aws;
  private final TaskCredentials roles;
  private final Command.InvokeTask as;
  private final String region;

  /** @param credentials always these (local servers and tests, where no role is assumed) */
  public S3ObjectStorage(AwsApiCaller aws, AwsCredentialsProvider credentials, String region) {
    this(aws, TaskCredentials.fixed(credentials), null, region);
  }

  /** @param roles what a Map's reads and writes run as: its state machine's role, as its Tasks do */
  public S3ObjectStorage(AwsApiCaller aws, TaskCredentials roles, String region) {
    this(aws, roles, null, region);
  }

  private S3ObjectStorage(AwsApiCaller aws, TaskCredentials roles, Command.InvokeTask as, String region) {
    this.aws = aws;
    this.roles = roles;
    this.as = as;
    this.region = region;
  }

  @Override
  public ObjectStorage as(String executionArn, String roleArn) {
    return new S3ObjectStorage(aws, roles, new Command.InvokeTask(executionArn, "ItemReader", "arn:aws:states:::s3:getObject",
        null, null, null, null, new Command.TaskRole(roleArn, null)), region);
  }

  /** The role's credentials; without {@link #as}, there is no execution and so no role (fixed credentials only). */
  private AwsCredentialsIdentity credentials() {
    try {
      return roles.forTask(as == null ? new Command.InvokeTask(null, "ItemReader", "arn:aws:states:::s3:getObject",
          null, null, null, null, Command.TaskRole.NONE) : as, region);
    } catch (TaskCredentials.AccessDenied e) {
      throw new StorageException("AccessDenied", e.getMessage());
    }
  }

  @Override
  public InputStream read(String bucket, String key, long fromByte) {
    ObjectNode request = Json.object().put("Bucket", bucket).put("Key", key);
    if (fromByte > 0) request.put("Range", "bytes=" + fromByte + "-");
    try {
      return aws.stream(Api.S3, Api.GET_OBJECT, request, credentials(), region);
    } catch (AwsApiException e) {
      // S3 refuses a range that starts at the object's end: from there, there is nothing left.
      if (fromByte > 0 && "InvalidRange".equals(e.code())) return InputStream.nullInputStream();
      throw failed(e);
    }
  }

  @Override
  public ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys) {
    ObjectNode request = Json.object().put("Bucket", bucket).put("MaxKeys", maxKeys);
    if (prefix != null) request.put("Prefix", prefix);
    if (startAfter != null) request.put("StartAfter", startAfter);
    JsonNode page = call(Api.LIST_OBJECTS, request);
    List<StoredObject> objects = new ArrayList<>();
    for (JsonNode o : page.path("Contents")) {
      objects.add(new StoredObject(o.path("Key").asText(), o.path("ETag").asText(null),
          Instant.parse(o.path("LastModified").asText()), o.path("Size").asLong(), o.path("StorageClass").asText(null)));
    }
    return new ObjectPage(objects, page.path("IsTruncated").asBoolean(false));
  }

  @Override
  public void write(String bucket, String key, byte[] body) {
    call(Api.PUT_OBJECT, Json.object().put("Bucket", bucket).put("Key", key).put("ContentType", "application/json")
        .put("Body", new String(body, StandardCharsets.UTF_8)));
  }

  private JsonNode call(AwsOperation operation, ObjectNode request) {
    try {
      return aws.call(Api.S3, operation, request, credentials(), region).body();
    } catch (AwsApiException e) {
      throw failed(e);
    }
  }

  /** S3's errors by their code (NoSuchKey, NoSuchBucket, AccessDenied, ...); no answer at all is SdkClientException. */
  private static StorageException failed(AwsApiException e) {
    return new StorageException(e.code() == null ? "SdkClientException" : e.code(), e.serviceMessage());
  }
}
