package io.stepwise.items;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Object storage in memory, answering as S3 does: keys listed in order with the metadata
 * ListObjectsV2 gives (the ETag a quoted MD5, STANDARD class), S3's error codes for a missing
 * bucket or key. For the in-memory runner's cases and for tests.
 */
public final class InMemoryObjectStorage implements ObjectStorage {
  /** ListObjectsV2 returns at most this many keys a page, whatever MaxKeys asks. */
  static final int MAX_KEYS = 1000;

  private record Stored(byte[] body, StoredObject listed) {}

  private final Map<String, NavigableMap<String, Stored>> buckets = new TreeMap<>();
  private final InstantSource clock;
  private int reads;

  public InMemoryObjectStorage() {
    this(InstantSource.system());
  }

  /** @param clock what LastModified says */
  public InMemoryObjectStorage(InstantSource clock) {
    this.clock = clock;
  }

  /** An empty bucket (a bucket that exists already is kept as it is). */
  public synchronized void createBucket(String bucket) {
    buckets.computeIfAbsent(bucket, b -> new TreeMap<>());
  }

  /** Stores the object, creating its bucket when there is none (seeding, unlike {@link #write}). */
  public synchronized void put(String bucket, String key, byte[] body) {
    createBucket(bucket);
    store(bucket, key, body);
  }

  public void put(String bucket, String key, String text) {
    put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The object's body as UTF-8 text, or null when there is no such object. */
  public synchronized String text(String bucket, String key) {
    NavigableMap<String, Stored> objects = buckets.get(bucket);
    Stored stored = objects == null ? null : objects.get(key);
    return stored == null ? null : new String(stored.body(), StandardCharsets.UTF_8);
  }

  /** How many times an object was read. */
  public synchronized int reads() {
    return reads;
  }

  @Override
  public synchronized InputStream read(String bucket, String key, long fromByte) {
    Stored stored = bucket(bucket).get(key);
    if (stored == null) throw new StorageException("NoSuchKey", "The specified key does not exist.");
    byte[] body = stored.body();
    reads++;
    // A reader resuming at the very end reads nothing (S3 would answer a Range there with InvalidRange).
    int from = (int) Math.min(Math.max(0, fromByte), body.length);
    return new ByteArrayInputStream(body, from, body.length - from);
  }

  @Override
  public synchronized ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys) {
    NavigableMap<String, Stored> objects = bucket(bucket);
    NavigableMap<String, Stored> after = startAfter == null ? objects : objects.tailMap(startAfter, false);
    int limit = Math.min(maxKeys, MAX_KEYS);
    List<StoredObject> page = new ArrayList<>();
    for (Stored stored : after.values()) {
      if (prefix != null && !stored.listed().key().startsWith(prefix)) continue;
      if (page.size() == limit) return new ObjectPage(page, true);
      page.add(stored.listed());
    }
    return new ObjectPage(page, false);
  }

  @Override
  public synchronized void write(String bucket, String key, byte[] body) {
    bucket(bucket);
    store(bucket, key, body);
  }

  private void store(String bucket, String key, byte[] body) {
    StoredObject listed = new StoredObject(key, etag(body), clock.instant(), body.length, "STANDARD");
    buckets.get(bucket).put(key, new Stored(body.clone(), listed));
  }

  private NavigableMap<String, Stored> bucket(String bucket) {
    NavigableMap<String, Stored> objects = buckets.get(bucket);
    if (objects == null) throw new StorageException("NoSuchBucket", "The specified bucket does not exist");
    return objects;
  }

  /** S3's ETag of a single-part upload: the body's MD5 in hex, in double quotes. */
  static String etag(byte[] body) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
