package io.stepwise.items;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Object storage in a map, for unit tests of the pure reading and writing code. */
final class InMemoryObjectStorage implements ObjectStorage {
  final Map<String, byte[]> objects = new TreeMap<>();
  final AtomicInteger reads = new AtomicInteger();

  void put(String bucket, String key, String text) {
    objects.put(bucket + "/" + key, text.getBytes(StandardCharsets.UTF_8));
  }

  String text(String bucket, String key) {
    byte[] body = objects.get(bucket + "/" + key);
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public InputStream read(String bucket, String key, long fromByte) {
    reads.incrementAndGet();
    byte[] body = objects.get(bucket + "/" + key);
    if (body == null) throw new StorageException("NoSuchKey", "The specified key does not exist.");
    return new ByteArrayInputStream(body, (int) fromByte, body.length - (int) fromByte);
  }

  @Override
  public ObjectPage list(String bucket, String prefix, String startAfter, int maxKeys) {
    List<StoredObject> page = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : objects.entrySet()) {
      if (!e.getKey().startsWith(bucket + "/")) continue;
      String key = e.getKey().substring(bucket.length() + 1);
      if (prefix != null && !key.startsWith(prefix)) continue;
      if (startAfter != null && key.compareTo(startAfter) <= 0) continue;
      if (page.size() == maxKeys) return new ObjectPage(page, true);
      page.add(new StoredObject(key, "\"etag-" + key + "\"", Instant.ofEpochSecond(1_700_000_000), e.getValue().length, "STANDARD"));
    }
    return new ObjectPage(page, false);
  }

  @Override
  public void write(String bucket, String key, byte[] body) {
    objects.put(bucket + "/" + key, body.clone());
  }
}
