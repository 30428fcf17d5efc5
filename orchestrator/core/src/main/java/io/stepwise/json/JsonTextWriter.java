package io.stepwise.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.Map;

/**
 * Prints a tree as Jackson's compact writer does (same escapes, same numbers), recording the
 * spans of larger subtrees for {@link JsonText} and copying those a previous text holds.
 */
final class JsonTextWriter {
  /** Subtrees shorter than this are cheaper to print than to record and look up. */
  private static final int MIN_SPAN = 32;

  private final JsonText previous;
  private final boolean keepSpans;
  private final TextBuffer out;
  private JsonNode[] nodes;
  private int[] starts;
  private int[] ends;
  private int[] heights;
  private int count;
  private int[] fieldEnds;
  private int[] fieldHeights;
  private boolean tooDeep;

  /**
   * Sized for a document about as large as {@code previous}, which outputs usually are.
   *
   * @param keepSpans whether the text records its subtrees' spans for a later write to copy
   */
  JsonTextWriter(JsonText previous, boolean keepSpans) {
    this.previous = previous;
    this.keepSpans = keepSpans;
    int entries = previous == null ? 8 : previous.count() + 8;
    TextBuffer reused = previous == null ? null : previous.takeScratch();
    out = reused != null ? reused : new TextBuffer(previous == null ? (keepSpans ? 128 : 64) : previous.rawText().length() + 128);
    if (keepSpans) {
      nodes = new JsonNode[entries];
      starts = new int[entries];
      ends = new int[entries];
      heights = new int[entries];
    }
  }

  JsonText write(JsonNode node) {
    value(node, 0);
    if (tooDeep) return null;
    return new JsonText(out.toString(), out.isLatin1(), node, nodes, starts, ends, heights, count, fieldEnds, fieldHeights,
        out);
  }

  /** The text alone (spans not kept), or null past the depth limit. */
  String print(JsonNode node) {
    value(node, 0);
    return tooDeep ? null : out.toString();
  }

  /** Prints {@code node} at nesting {@code depth}; returns its height (0 for a scalar). */
  private int value(JsonNode node, int depth) {
    if (tooDeep) return 0;
    // Told apart by class, not by JsonNode's virtual isX() calls: a payload's nodes are of many
    // classes, so each such call site would be megamorphic.
    boolean object = node instanceof ObjectNode;
    boolean array = !object && node instanceof ArrayNode;
    String string = object || array || !(node instanceof TextNode text) ? null : text.textValue();
    // A string shorter than a kept span cannot be one of the previous text's entries.
    if (previous != null && (object || array || string != null && string.length() + 2 >= MIN_SPAN)) {
      int k = previous.find(node);
      if (k >= 0) return copy(k, depth);
    }
    if (object || array) return container(node, depth, object);
    if (string != null) {
      int entry = open(node);
      string(string);
      close(entry, 0);
      return 0;
    }
    scalar(node);
    return 0;
  }

  private int container(JsonNode node, int depth, boolean object) {
    if (depth >= Json.MAX_PAYLOAD_DEPTH) {
      tooDeep = true;
      return 0;
    }
    int entry = open(node);
    int height = 0;
    if (object) {
      out.append('{');
      boolean root = depth == 0 && keepSpans;
      if (root) {
        fieldEnds = new int[node.size()];
        fieldHeights = new int[node.size()];
      }
      int size = node.size();
      Map.Entry<String, JsonNode>[] fields = FieldMap.entries((ObjectNode) node);
      int f = 0;
      if (root && previous != null && previous.fieldEnds() != null && previous.root() instanceof ObjectNode before) {
        // The fields this root shares, in order, with the previous one (a ResultPath's copy of its
        // input): their text, spans and heights are the previous text's, at the same offsets.
        Map.Entry<String, JsonNode>[] was = FieldMap.entries(before);
        for (int n = Math.min(size, before.size()); f < n; f++) {
          Map.Entry<String, JsonNode> field = fields[f];
          Map.Entry<String, JsonNode> old = was[f];
          // The same entry (a copy's shared one) is the same field.
          if (field != old && (field.getValue() != old.getValue() || !field.getKey().equals(old.getKey()))) break;
        }
        if (f > 0) height = copyFields(f);
      }
      for (; f < size; f++) {
        Map.Entry<String, JsonNode> field = fields[f];
        if (f > 0) out.append(',');
        string(field.getKey());
        out.append(':');
        height = Math.max(height, value(field.getValue(), depth + 1));
        if (root) {
          fieldEnds[f] = out.length();
          fieldHeights[f] = height;
        }
      }
      out.append('}');
    } else {
      out.append('[');
      for (int i = 0, n = node.size(); i < n; i++) {
        if (i > 0) out.append(',');
        height = Math.max(height, value(node.get(i), depth + 1));
      }
      out.append(']');
    }
    close(entry, height + 1);
    return height + 1;
  }

  /**
   * Copies the previous root's first {@code n} fields, just after this root's opening brace, with
   * the entries inside them; returns their greatest height.
   */
  private int copyFields(int n) {
    int end = previous.fieldEnds()[n - 1];
    out.append(previous.rawText(), 1, end, previous.isLatin1());
    System.arraycopy(previous.fieldEnds(), 0, fieldEnds, 0, n);
    System.arraycopy(previous.fieldHeights(), 0, fieldHeights, 0, n);
    // The previous root's own entry, if kept, comes first; the fields' entries follow it in order.
    int from = previous.count() > 0 && previous.node(0) == previous.root() ? 1 : 0;
    int to = from;
    while (to < previous.count() && previous.start(to) < end) to++;
    // At the same offsets as in the previous text: the entries are copied as they are.
    room(count + to - from);
    previous.copyEntries(from, to, count, nodes, starts, ends, heights);
    count += to - from;
    return fieldHeights[n - 1];
  }

  /** Copies entry {@code k} of the previous text, with the entries inside it. */
  private int copy(int k, int depth) {
    int height = previous.height(k);
    if (depth + height > Json.MAX_PAYLOAD_DEPTH) {
      tooDeep = true;
      return 0;
    }
    int shift = out.length() - previous.start(k);
    out.append(previous.rawText(), previous.start(k), previous.end(k), previous.isLatin1());
    for (int j = k, last = previous.lastWithin(k); j <= last; j++) {
      int entry = open(previous.node(j));
      starts[entry] = previous.start(j) + shift;
      ends[entry] = previous.end(j) + shift;
      heights[entry] = previous.height(j);
    }
    return height;
  }

  private int open(JsonNode node) {
    if (!keepSpans) return -1;
    room(count + 1);
    nodes[count] = node;
    starts[count] = out.length();
    return count++;
  }

  private void room(int entries) {
    if (entries <= nodes.length) return;
    int size = Math.max(entries, nodes.length * 2);
    nodes = Arrays.copyOf(nodes, size);
    starts = Arrays.copyOf(starts, size);
    ends = Arrays.copyOf(ends, size);
    heights = Arrays.copyOf(heights, size);
  }

  /** Keeps the entry if its text is long enough; a short one has no kept entries after it. */
  private void close(int entry, int height) {
    if (entry < 0) return;
    if (out.length() - starts[entry] < MIN_SPAN) {
      nodes[entry] = null;
      count = entry;
      return;
    }
    ends[entry] = out.length();
    heights[entry] = height;
  }

  private void scalar(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL -> out.appendAscii("null");
      case BOOLEAN -> out.appendAscii(node.booleanValue() ? "true" : "false");
      case NUMBER -> {
        if (node.isInt() || node.isLong() || node.isShort()) out.appendLong(node.longValue());
        else if (node.isBigDecimal()) out.appendAscii(node.decimalValue().toString());
        else appendText(Json.generatorWrite(node));
      }
      default -> appendText(Json.generatorWrite(node));
    }
  }

  /** A quoted string with Jackson's default escapes: quote, backslash and control characters. */
  private void string(String s) {
    out.appendQuoted(s);
  }

  /** Text from Jackson (an odd scalar): its characters are not known to be Latin-1. */
  private void appendText(String s) {
    boolean latin1 = true;
    for (int i = 0; i < s.length() && latin1; i++) latin1 = s.charAt(i) <= 0xFF;
    out.append(s, 0, s.length(), latin1);
  }
}
