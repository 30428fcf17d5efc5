package io.stepwise.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a small object as an array of immutable entries, in insertion order (as a
 * LinkedHashMap keeps them). A copy of an object with one field replaced, as a ResultPath or a
 * template builds it, is an array copy that shares the other entries: no hashing, no entry per
 * field. Lookups scan, which for the few fields of a payload object costs about what hashing does.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
  /** Past this many fields an object keeps Jackson's own map: a scan would cost more than a hash. */
  static final int MAX_FIELDS = 16;

  private Map.Entry<String, JsonNode>[] entries;
  private int size;
  private int modifications;

  @SuppressWarnings("unchecked")
  private FieldMap(int capacity) {
    entries = new Map.Entry[Math.max(capacity, 2)];
  }

  /** An empty object with room for {@code fields} fields. */
  static ObjectNode object(int fields) {
    return fields > MAX_FIELDS ? Json.object() : new Fields(new FieldMap(fields));
  }

  /**
   * Adds {@code key}, which the caller knows {@code node} does not hold yet, without looking it
   * up. A null value is JSON null, as {@code ObjectNode.set} reads it.
   */
  static void putNew(ObjectNode node, String key, JsonNode value) {
    if (!(node instanceof Fields fields)) {
      node.set(key, value);
      return;
    }
    FieldMap map = fields.map;
    if (map.size == map.entries.length) map.entries = Arrays.copyOf(map.entries, map.size * 2);
    map.entries[map.size++] = new SimpleImmutableEntry<>(key, value == null ? Json.NODES.nullNode() : value);
    map.modifications++;
  }

  /** An object whose fields are a FieldMap, so that copies and the printer read its entries' array. */
  static final class Fields extends ObjectNode {
    private final FieldMap map;

    private Fields(FieldMap map) {
      super(Json.NODES, map);
      this.map = map;
    }
  }

  /**
   * The first {@code node.size()} entries of this array are {@code node}'s fields in order: its
   * own array (to read only) when its fields are a FieldMap, else a copy.
   */
  @SuppressWarnings("unchecked")
  static Map.Entry<String, JsonNode>[] entries(ObjectNode node) {
    if (node instanceof Fields fields) return fields.map.entries;
    Map.Entry<String, JsonNode>[] entries = new Map.Entry[node.size()];
    int i = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) entries[i++] = it.next();
    return entries;
  }

  /** A new object with {@code node}'s fields and room for {@code more}: changing it leaves {@code node} as it is. */
  static ObjectNode copyOf(ObjectNode node, int more) {
    int n = node.size();
    if (n + more > MAX_FIELDS) {
      ObjectNode copy = Json.object();
      copy.setAll(node);
      return copy;
    }
    FieldMap fields = new FieldMap(n + more);
    if (node instanceof Fields from) {
      // Its entries are immutable: shared as they are, in one array copy.
      System.arraycopy(from.map.entries, 0, fields.entries, 0, n);
      fields.size = n;
      return new Fields(fields);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      // A LinkedHashMap's entries change with their map: copied.
      fields.entries[fields.size++] = e instanceof SimpleImmutableEntry ? e : new SimpleImmutableEntry<>(e);
    }
    return new Fields(fields);
  }

  private int indexOf(Object key) {
    // Keys are mostly the same interned strings (the parser's, a definition's, a path's): by
    // identity first, which reads no characters, then by value.
    for (int i = 0; i < size; i++) if (entries[i].getKey() == key) return i;
    for (int i = 0; i < size; i++) if (entries[i].getKey().equals(key)) return i;
    return -1;
  }

  @Override
  public JsonNode get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : entries[i].getValue();
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    Objects.requireNonNull(key);
    int i = indexOf(key);
    Map.Entry<String, JsonNode> entry = new SimpleImmutableEntry<>(key, value);
    if (i >= 0) {
      // Replaced where it stands, as a LinkedHashMap keeps a re-put key's place.
      JsonNode old = entries[i].getValue();
      entries[i] = entry;
      return old;
    }
    if (size == entries.length) entries = Arrays.copyOf(entries, size * 2);
    entries[size++] = entry;
    modifications++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    int i = indexOf(key);
    if (i < 0) return null;
    JsonNode old = entries[i].getValue();
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(entries, i + 1, entries, i, size - i - 1);
    entries[--size] = null;
    modifications++;
  }

  @Override
  public void clear() {
    Arrays.fill(entries, 0, size, null);
    size = 0;
    modifications++;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** The entries in order; removing through it is supported, as a LinkedHashMap's iterator does. */
  private final class Entries implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private int last = -1;
    private int expected = modifications;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (expected != modifications) throw new ConcurrentModificationException();
      if (next >= size) throw new NoSuchElementException();
      last = next++;
      return entries[last];
    }

    @Override
    public void remove() {
      if (last < 0) throw new IllegalStateException();
      if (expected != modifications) throw new ConcurrentModificationException();
      removeAt(last);
      next = last;
      last = -1;
      expected = modifications;
    }
  }
}
