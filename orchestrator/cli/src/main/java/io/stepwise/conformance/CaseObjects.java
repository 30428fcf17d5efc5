package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.items.InMemoryObjectStorage;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case's {@code objects}, {@code {"bucket": {"key": body}}}: the S3 objects its ItemReader reads
 * and the buckets its ResultWriter writes to. A string body is stored as its UTF-8 bytes (CSV,
 * JSONL), any other JSON value as its compact JSON text; an empty bucket is just created.
 */
record CaseObjects(Map<String, Map<String, byte[]>> buckets) {
  static final CaseObjects NONE = new CaseObjects(Map.of());

  /** Where the objects are seeded: S3 or its in-memory twin. */
  interface Target {
    void createBucket(String bucket);

    void put(String bucket, String key, byte[] body);
  }

  static CaseObjects of(JsonNode caseFile) {
    JsonNode objects = caseFile.get("objects");
    if (objects == null || objects.isNull()) return NONE;
    if (!objects.isObject()) throw new IllegalArgumentException("the case's \"objects\" must be {\"bucket\": {\"key\": body}}");
    Map<String, Map<String, byte[]>> buckets = new LinkedHashMap<>();
    for (var bucket : (Iterable<Map.Entry<String, JsonNode>>) objects::fields) {
      if (!bucket.getValue().isObject()) {
        throw new IllegalArgumentException("objects[\"" + bucket.getKey() + "\"] must be an object of key: body");
      }
      Map<String, byte[]> keys = new LinkedHashMap<>();
      for (var key : (Iterable<Map.Entry<String, JsonNode>>) bucket.getValue()::fields) {
        JsonNode body = key.getValue();
        keys.put(key.getKey(), (body.isTextual() ? body.asText() : Json.write(body)).getBytes(StandardCharsets.UTF_8));
      }
      buckets.put(bucket.getKey(), keys);
    }
    return new CaseObjects(buckets);
  }

  boolean isEmpty() {
    return buckets.isEmpty();
  }

  void seed(Target target) {
    buckets.forEach((bucket, keys) -> {
      target.createBucket(bucket);
      keys.forEach((key, body) -> target.put(bucket, key, body));
    });
  }

  /** The objects in memory; with none, no bucket exists, as in a fresh account. */
  InMemoryObjectStorage inMemory(InstantSource clock) {
    InMemoryObjectStorage storage = new InMemoryObjectStorage(clock);
    seed(new Target() {
      @Override
      public void createBucket(String bucket) {
        storage.createBucket(bucket);
      }

      @Override
      public void put(String bucket, String key, byte[] body) {
        storage.put(bucket, key, body);
      }
    });
    return storage;
  }
}
