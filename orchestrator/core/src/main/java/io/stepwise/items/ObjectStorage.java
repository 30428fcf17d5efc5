package io.stepwise.items;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** The object storage a Distributed Map reads items from and writes results to (S3). */
public interface ObjectStorage {
  /** The object's bytes from {@code fromByte} to its end; the caller closes the stream. */
  InputStream read(String bucket, String key, long fromByte);

  /** Up to {@code maxKeys} objects under {@code prefix} whose keys sort after {@code startAfter} (null: from the first). */
  ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys);

  void write(String bucket, String key, byte[] body);

  /**
   * This storage as the execution's state machine role, which Step Functions reads items and
   * writes results with; storage without roles (local servers, tests) stays as it is.
   */
  default ObjectStorage as(String executionArn, String roleArn) {
    return this;
  }

  /** One listed object, with the metadata ListObjectsV2 gives. */
  record StoredObject(String key, String etag, Instant lastModified, long size, String storageClass) {}

  /** @param truncated true when more objects follow */
  record ObjectPage(List<StoredObject> objects, boolean truncated) {}

  /** A storage call failed; {@code code} is the service's error code (NoSuchKey, AccessDenied, ...). */
  final class StorageException extends RuntimeException {
    private final String code;

    public StorageException(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** For runtimes without object storage: any use fails, naming what is missing. */
  ObjectStorage NONE = new ObjectStorage() {
    @Override
    public InputStream read(String bucket, String key, long fromByte) {
      throw missing();
    }

    @Override
    public ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys) {
      throw missing();
    }

    @Override
    public void write(String bucket, String key, byte[] body) {
      throw missing();
    }

    private StorageException missing() {
      return new StorageException("NoObjectStorage",
          "this runtime has no S3 endpoint configured, so ItemReader and ResultWriter cannot run");
    }
  };
}
