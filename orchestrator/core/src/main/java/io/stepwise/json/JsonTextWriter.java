package io.stepwise.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a tree as Jackson's compact writer does (same escapes, same numbers), recording the
 * spans of larger subtrees for {@link JsonText} and copying those a previous text holds.
 */
final class JsonTextWriter {
  /** Subtrees shorter than this are cheaper to print than to record and look up. */
  private static final int MIN_SPAN = 32;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final JsonText previous;
  // A char buffer, not a StringBuilder: copying a span is then one getChars, not a loop per char.
  private char[] out;
  private int length;
  private JsonNode[] nodes;
  private int[] starts;
  private int[] ends;
  private int[] heights;
  private int count;
  private boolean tooDeep;

  /** Sized for a document about as large as {@code previous}, which outputs usually are. */
  JsonTextWriter(JsonText previous) {
    this.previous = previous;
    int entries = previous == null ? 8 : previous.count() + 8;
    out = new char[previous == null ? 128 : previous.rawText().length() + 128];
    nodes = new JsonNode[entries];
    starts = new int[entries];
    ends = new int[entries];
    heights = new int[entries];
  }

  JsonText write(JsonNode node) {
    value(node, 0);
    if (tooDeep) return null;
    return new JsonText(new String(out, 0, length), nodes, starts, ends, heights, count);
  }

  /** Prints {@code node} at nesting {@code depth}; returns its height (0 for a scalar). */
  private int value(JsonNode node, int depth) {
    if (tooDeep) return 0;
    if (previous != null && (node.isContainerNode() || node.isTextual())) {
      int k = previous.find(node);
      if (k >= 0) return copy(k, depth);
    }
    if (node.isObject()) return container(node, depth, true);
    if (node.isArray()) return container(node, depth, false);
    if (node.isTextual()) {
      int entry = open(node);
      string(node.textValue());
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
      append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!first) append(',');
        first = false;
        string(field.getKey());
        append(':');
        height = Math.max(height, value(field.getValue(), depth + 1));
      }
      append('}');
    } else {
      append('[');
      for (int i = 0, n = node.size(); i < n; i++) {
        if (i > 0) append(',');
        height = Math.max(height, value(node.get(i), depth + 1));
      }
      append(']');
    }
    close(entry, height + 1);
    return height + 1;
  }

  /** Copies entry {@code k} of the previous text, with the entries inside it. */
  private int copy(int k, int depth) {
    int height = previous.height(k);
    if (depth + height > Json.MAX_PAYLOAD_DEPTH) {
      tooDeep = true;
      return 0;
    }
    int shift = length - previous.start(k);
    append(previous.rawText(), previous.start(k), previous.end(k));
    for (int j = k, last = previous.lastWithin(k); j <= last; j++) {
      int entry = open(previous.node(j));
      starts[entry] = previous.start(j) + shift;
      ends[entry] = previous.end(j) + shift;
      heights[entry] = previous.height(j);
    }
    return height;
  }

  private int open(JsonNode node) {
    if (count == nodes.length) {
      int size = count * 2;
      nodes = Arrays.copyOf(nodes, size);
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      heights = Arrays.copyOf(heights, size);
    }
    nodes[count] = node;
    starts[count] = length;
    return count++;
  }

  /** Keeps the entry if its text is long enough; a short one has no kept entries after it. */
  private void close(int entry, int height) {
    if (length - starts[entry] < MIN_SPAN) {
      nodes[entry] = null;
      count = entry;
      return;
    }
    ends[entry] = length;
    heights[entry] = height;
  }

  private void scalar(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL -> append("null");
      case BOOLEAN -> append(node.booleanValue() ? "true" : "false");
      case NUMBER -> {
        if (node.isInt() || node.isLong() || node.isShort()) append(Long.toString(node.longValue()));
        else if (node.isBigDecimal()) append(node.decimalValue().toString());
        else append(Json.write(node));
      }
      default -> append(Json.write(node));
    }
  }

  /** A quoted string with Jackson's default escapes: quote, backslash and control characters. */
  private void string(String s) {
    append('"');
    int from = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      append(s, from, i);
      from = i + 1;
      append('\\');
      switch (c) {
        case '"', '\\' -> append(c);
        case '\b' -> append('b');
        case '\t' -> append('t');
        case '\n' -> append('n');
        case '\f' -> append('f');
        case '\r' -> append('r');
        default -> {
          append("u00");
          append(HEX[c >> 4]);
          append(HEX[c & 0xF]);
        }
      }
    }
    append(s, from, s.length());
    append('"');
  }

  private void append(char c) {
    if (length == out.length) out = Arrays.copyOf(out, length * 2);
    out[length++] = c;
  }

  private void append(String s) {
    append(s, 0, s.length());
  }

  private void append(String s, int from, int to) {
    int n = to - from;
    if (length + n > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, length + n));
    s.getChars(from, to, out, length);
    length += n;
  }
}
