package io.stepwise.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.items.ObjectStorage.ObjectPage;
import io.stepwise.items.ObjectStorage.StorageException;
import io.stepwise.items.ObjectStorage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryObjectStorageTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final InMemoryObjectStorage storage = new InMemoryObjectStorage(() -> T0);

  @Test
  void list_givesKeysInOrder_withS3sMetadata() {
    storage.put("b", "file_2.txt", "2HelloWorld!");
    storage.put("b", "file_0.txt", "0HelloWorld!");
    storage.put("b", "file_1.txt", "1HelloWorld!");

    ObjectPage page = storage.list("b", null, null, 1000);

    assertEquals(3, page.objects().size());
    assertFalse(page.truncated());
    StoredObject first = page.objects().get(0);
    assertEquals("file_0.txt", first.key());
    // md5("0HelloWorld!"), as S3 gives a single-part object's ETag: quoted hex
    assertEquals("\"26c6f5d46cc21753686a70d9344a5b4a\"", first.etag());
    assertEquals(12, first.size());
    assertEquals(T0, first.lastModified());
    assertEquals("STANDARD", first.storageClass());
  }

  @Test
  void list_pagesWithStartAfterAndMaxKeys_andFiltersByPrefix() {
    for (String key : new String[] {"a/1", "a/2", "a/3", "b/1"}) storage.put("b", key, key);

    ObjectPage first = storage.list("b", "a/", null, 2);
    ObjectPage rest = storage.list("b", "a/", "a/2", 2);

    assertEquals(List.of("a/1", "a/2"), first.objects().stream().map(StoredObject::key).toList());
    assertTrue(first.truncated());
    assertEquals(List.of("a/3"), rest.objects().stream().map(StoredObject::key).toList());
    assertFalse(rest.truncated());
  }

  @Test
  void list_givesAtMostAThousandKeys_asS3Does() {
    for (int i = 0; i < 1001; i++) storage.put("b", String.format("k%04d", i), "x");

    ObjectPage page = storage.list("b", null, null, 5000);

    assertEquals(1000, page.objects().size());
    assertTrue(page.truncated());
  }

  @Test
  void read_fromAByteOffset_givesTheRest() throws IOException {
    storage.put("b", "k", "Col1,Col2\nV1,V2\n");

    try (InputStream in = storage.read("b", "k", 10)) {
      assertEquals("V1,V2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(1, storage.reads());
  }

  @Test
  void read_ofAMissingKeyOrBucket_failsWithS3sCode() {
    storage.createBucket("b");

    assertEquals("NoSuchKey", assertThrows(StorageException.class, () -> storage.read("b", "nope", 0)).code());
    assertEquals("NoSuchBucket", assertThrows(StorageException.class, () -> storage.read("nope", "k", 0)).code());
    assertEquals("NoSuchBucket", assertThrows(StorageException.class, () -> storage.list("nope", null, null, 10)).code());
  }

  @Test
  void write_storesInAnExistingBucketOnly() {
    storage.createBucket("out");

    storage.write("out", "r/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));

    assertEquals("{}", storage.text("out", "r/manifest.json"));
    assertNull(storage.text("out", "other"));
    assertEquals("NoSuchBucket", assertThrows(StorageException.class,
        () -> storage.write("missing", "k", new byte[0])).code());
  }
}
