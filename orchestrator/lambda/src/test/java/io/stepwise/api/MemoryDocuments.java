package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.runtime.DocumentStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** A DocumentStore in a map, paging as DynamoDbDocumentStore does (a cursor only when more follow). */
final class MemoryDocuments implements DocumentStore {
  private final Map<String, TreeMap<String, JsonNode>> groups = new HashMap<>();

  private TreeMap<String, JsonNode> group(String group) {
    return groups.computeIfAbsent(group, g -> new TreeMap<>());
  }

  @Override
  public synchronized boolean create(String group, String id, JsonNode doc) {
    return group(group).putIfAbsent(id, doc) == null;
  }

  @Override
  public synchronized void put(String group, String id, JsonNode doc) {
    group(group).put(id, doc);
  }

  @Override
  public synchronized Optional<JsonNode> get(String group, String id) {
    return Optional.ofNullable(group(group).get(id));
  }

  @Override
  public synchronized boolean delete(String group, String id) {
    return group(group).remove(id) != null;
  }

  @Override
  public synchronized Page list(String group, String after, int max, boolean descending) {
    NavigableMap<String, JsonNode> ids = descending ? group(group).descendingMap() : group(group);
    if (after != null) ids = ids.tailMap(after, false);
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : ids.entrySet()) {
      if (entries.size() == max) return new Page(entries, entries.get(max - 1).id());
      entries.add(new Entry(entry.getKey(), entry.getValue()));
    }
    return new Page(entries, null);
  }
}
