package io.stepwise.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * JSON text exactly as {@link Json#write} prints it, with the spans its larger subtrees take in
 * it. Writing a document that shares subtrees with one written before copies their spans
 * instead of rendering them again: the engine's outputs are copy-on-write, so a state's output
 * shares most of its input, whose text the state's entered event already holds.
 *
 * <p>Sharing is recognised by identity. That is sound because a node, once part of a state's
 * input or output, is never changed (paths and templates build new nodes around old ones).
 */
public final class JsonText {
  private static final JsonNode[] NO_NODES = {};
  private static final int[] NONE = {};

  private final String text;
  private final boolean latin1;
  // The tree this text was printed from (null for text read from storage): a state whose output
  // is its input passes this text on as it is.
  private final JsonNode root;
  // One entry per larger subtree, in the order they start in the text.
  private final JsonNode[] nodes;
  private final int[] starts;
  private final int[] ends;
  private final int[] heights;
  private final int count;
  // For a root object: where each field's value ends, and the greatest height of the fields up to
  // it (null otherwise). A later root that starts with the same fields copies their text at once.
  private final int[] fieldEnds;
  private final int[] fieldHeights;
  // Open addressing by identity hash: entry + 1, 0 for empty; a few entries are scanned instead.
  // Built on the first lookup that needs it: a state's output is looked up in a few times only.
  private volatile int[] index;
  // The buffer this text was printed in, for the next text printed from it to reuse: whoever
  // takes it owns it, so one state decided twice (a duplicate) never shares a buffer.
  private volatile TextBuffer scratch;
  private static final int SCANNED = 32;
  private static final VarHandle SCRATCH;

  static {
    try {
      SCRATCH = MethodHandles.lookup().findVarHandle(JsonText.class, "scratch", TextBuffer.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  JsonText(String text, boolean latin1, JsonNode root, JsonNode[] nodes, int[] starts, int[] ends, int[] heights,
      int count, int[] fieldEnds, int[] fieldHeights, TextBuffer scratch) {
    this.text = text;
    this.fieldEnds = fieldEnds;
    this.fieldHeights = fieldHeights;
    this.root = root;
    this.scratch = scratch;
    this.latin1 = latin1;
    this.nodes = nodes;
    this.starts = starts;
    this.ends = ends;
    this.heights = heights;
    this.count = count;
  }

  /** Text read from storage: nothing to share until a document is written from its parsed tree. */
  public static JsonText of(String text) {
    return new JsonText(text, false, null, NO_NODES, NONE, NONE, NONE, 0, null, null, null);
  }

  /** The text of {@code node} at any depth Jackson prints (with spans within the payload limit). */
  public static JsonText of(JsonNode node) {
    JsonText text = write(node, null);
    return text != null ? text : of(Json.generatorWrite(node));
  }

  /**
   * Writes {@code node}, copying the spans of subtrees {@code previous} holds; null when it nests
   * deeper than {@link Json#MAX_PAYLOAD_DEPTH} (checked as it is written, without recursing past it).
   *
   * @param previous the text of a document {@code node} may share subtrees with, or null
   */
  public static JsonText write(JsonNode node, JsonText previous) {
    // The same tree (a state that leaves with its input): the same text, checked when it was printed.
    if (previous != null && previous.root == node) return previous;
    return new JsonTextWriter(previous, true).write(node);
  }

  /**
   * The text of a node (as {@link Json#write} prints it), with nothing to share and no spans
   * kept: documents printed once and dropped, such as event details.
   */
  public static String print(JsonNode node) {
    String text = new JsonTextWriter(null, false).print(node);
    return text != null ? text : Json.generatorWrite(node);
  }

  public String text() {
    return text;
  }

  /** The text of {@code node} when it is one of this text's subtrees with a kept span, else null. */
  public String textOf(JsonNode node) {
    int k = find(node);
    return k < 0 ? null : text.substring(starts[k], ends[k]);
  }

  /** The entry of {@code node} (by identity), or -1. */
  int find(JsonNode node) {
    if (count <= SCANNED) {
      for (int k = 0; k < count; k++) if (nodes[k] == node) return k;
      return -1;
    }
    int[] index = this.index;
    if (index == null) this.index = index = indexOf(nodes, count);
    int mask = index.length - 1;
    for (int slot = System.identityHashCode(node) & mask; ; slot = (slot + 1) & mask) {
      int entry = index[slot] - 1;
      if (entry < 0) return -1;
      if (nodes[entry] == node) return entry;
    }
  }

  /** The entries inside entry {@code k}'s span, which follow it. */
  int lastWithin(int k) {
    int end = ends[k];
    int last = k;
    while (last + 1 < count && starts[last + 1] < end) last++;
    return last;
  }

  int count() {
    return count;
  }

  /** The buffer this text was printed in, emptied, or null when another write took it first. */
  TextBuffer takeScratch() {
    // A field swapped through a VarHandle: an AtomicReference would be one more object per text.
    TextBuffer buffer = scratch == null ? null : (TextBuffer) SCRATCH.getAndSet(this, (TextBuffer) null);
    return buffer == null ? null : buffer.reset();
  }

  /** True when every character is Latin-1 (unknown, so false, for text read from storage). */
  boolean isLatin1() {
    return latin1;
  }

  String rawText() {
    return text;
  }

  JsonNode root() {
    return root;
  }

  /** Where root field {@code f}'s value ends in the text, or null when the root is not an object printed here. */
  int[] fieldEnds() {
    return fieldEnds;
  }

  int[] fieldHeights() {
    return fieldHeights;
  }

  JsonNode node(int k) {
    return nodes[k];
  }

  int start(int k) {
    return starts[k];
  }

  int end(int k) {
    return ends[k];
  }

  /** Copies entries {@code [from, to)} into the given arrays at {@code at}, which have room for them. */
  void copyEntries(int from, int to, int at, JsonNode[] toNodes, int[] toStarts, int[] toEnds, int[] toHeights) {
    int n = to - from;
    System.arraycopy(nodes, from, toNodes, at, n);
    System.arraycopy(starts, from, toStarts, at, n);
    System.arraycopy(ends, from, toEnds, at, n);
    System.arraycopy(heights, from, toHeights, at, n);
  }

  int height(int k) {
    return heights[k];
  }

  private static int[] indexOf(JsonNode[] nodes, int count) {
    int size = Integer.highestOneBit(count * 2 + 1) << 1;
    int[] index = new int[size];
    int mask = size - 1;
    for (int k = 0; k < count; k++) {
      int slot = System.identityHashCode(nodes[k]) & mask;
      // A node shared twice in one document keeps its first span: the text is the same.
      while (index[slot] != 0 && nodes[index[slot] - 1] != nodes[k]) slot = (slot + 1) & mask;
      if (index[slot] == 0) index[slot] = k + 1;
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonText other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
