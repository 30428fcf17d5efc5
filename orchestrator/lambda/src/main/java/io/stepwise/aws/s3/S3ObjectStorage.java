package io.stepwise.aws.s3;

import io.stepwise.items.ObjectStorage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStorage} on S3: ranged GetObject, ListObjectsV2 with StartAfter, PutObject. */
public final class S3ObjectStorage implements ObjectStorage {
  private final S3Client s3;

  public S3ObjectStorage(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public InputStream read(String bucket, String key, long fromByte) {
    return call(() -> s3.getObject(r -> {
      r.bucket(bucket).key(key);
      if (fromByte > 0) r.range("bytes=" + fromByte + "-");
    }));
  }

  @Override
  public ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys) {
    ListObjectsV2Response page = call(() -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix)
        .startAfter(startAfter).maxKeys(maxKeys)));
    List<StoredObject> objects = new ArrayList<>(page.contents().size());
    for (S3Object o : page.contents()) {
      objects.add(new StoredObject(o.key(), o.eTag(), o.lastModified(), o.size(), o.storageClassAsString()));
    }
    return new ObjectPage(objects, Boolean.TRUE.equals(page.isTruncated()));
  }

  @Override
  public void write(String bucket, String key, byte[] body) {
    call(() -> s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(body)));
  }

  /** S3's errors by their code (NoSuchKey, NoSuchBucket, AccessDenied, ...), never the SDK's classes. */
  private static <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      throw new StorageException(code == null ? "S3Exception" : code, message == null ? "status " + e.statusCode() : message);
    } catch (SdkClientException e) {
      throw new StorageException("SdkClientException", e.getMessage());
    }
  }
}
