package io.stepwise.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.items.InMemoryObjectStorage;
import io.stepwise.items.ObjectStorage.StorageException;
import io.stepwise.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseObjectsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aStringBody_isStoredAsItsText_andAnyOtherJson_asItsCompactText() {
    CaseObjects objects = CaseObjects.of(Json.parse("""
        {"objects": {"in": {"rows.csv": "a,b\\n1,2\\n", "items.json": [{"v": 1}, {"v": 2}]}, "out": {}}}"""));

    InMemoryObjectStorage storage = objects.inMemory(() -> T0);

    assertEquals("a,b\n1,2\n", storage.text("in", "rows.csv"));
    assertEquals("[{\"v\":1},{\"v\":2}]", storage.text("in", "items.json"));
    assertTrue(storage.list("out", null, null, 10).objects().isEmpty(), "an empty bucket is created");
  }

  @Test
  void aCaseWithoutObjects_hasNoBuckets() {
    CaseObjects objects = CaseObjects.of(Json.parse("{\"definition\": {}}"));

    assertTrue(objects.isEmpty());
    assertEquals("NoSuchBucket", assertThrows(StorageException.class,
        () -> objects.inMemory(() -> T0).read("in", "k", 0)).code());
  }

  @Test
  void aBucketThatIsNoObject_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> CaseObjects.of(Json.parse("{\"objects\": {\"in\": [1]}}")));
  }

  @Test
  void machineOf_findsTheCaseInAnExecutionOrAMapRunChildArn() {
    assertEquals("case-3", CaseBuckets.machineOf("arn:aws:states:us-east-1:111111111111:execution:case-3:run"));
    assertEquals("case-3", CaseBuckets.machineOf("arn:aws:states:us-east-1:111111111111:execution:case-3/Map:abc"));
  }
}
