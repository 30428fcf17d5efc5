package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Small JSON documents by group and id, each written with one conditional single-item write:
 * what the API keeps beside executions (published versions, aliases, activities, tags) and the
 * tasks waiting on an activity. A group lists its ids in order.
 */
public interface DocumentStore {
  /** Stores {@code doc} unless the id exists; false when it does. */
  boolean create(String group, String id, JsonNode doc);

  /** Stores {@code doc}, replacing any. */
  void put(String group, String id, JsonNode doc);

  Optional<JsonNode> get(String group, String id);

  /** Deletes the document; false when there was none (so of two deleters, one wins). */
  boolean delete(String group, String id);

  /**
   * Ids in ascending order, or descending.
   *
   * @param after the previous page's {@code nextCursor}, null for the first page
   */
  Page list(String group, String after, int max, boolean descending);

  record Entry(String id, JsonNode doc) {}

  /** A page of documents and the cursor of the next (null when there is none). */
  record Page(List<Entry> entries, String nextCursor) {}
}
