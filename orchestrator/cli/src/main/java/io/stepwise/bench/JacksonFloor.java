package io.stepwise.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The "naive Jackson floor": what one thread does per operation when a transition is
 * nothing but a deep copy of the 1 KB document and two serialisations of it with a plain
 * ObjectMapper. The engine's ratio to it factors out the machine's speed of the moment.
 */
final class JacksonFloor {
  private final ObjectMapper plain = new ObjectMapper();
  private final JsonNode document;
  private long sink;

  JacksonFloor(JsonNode document) {
    this.document = document;
  }

  /** Runs operations for {@code millis}; returns operations per second. */
  double round(long millis) {
    long operations = 0;
    long start = System.nanoTime();
    long end = start + millis * 1_000_000;
    long now;
    do {
      for (int i = 0; i < 100; i++) operation();
      operations += 100;
      now = System.nanoTime();
    } while (now < end);
    return operations / ((now - start) / 1e9);
  }

  private void operation() {
    try {
      JsonNode copy = document.deepCopy();
      sink += plain.writeValueAsString(copy).length() + plain.writeValueAsString(copy).length();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Read once at the end so the JIT cannot drop the work. */
  long sink() {
    return sink;
  }
}
