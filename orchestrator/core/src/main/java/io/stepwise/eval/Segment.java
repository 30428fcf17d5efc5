package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.List;

/** One step of a compiled {@link JsonPath}, as Jayway evaluates it. */
sealed interface Segment {
  void select(JsonNode node, JsonNode root, List<JsonNode> out);

  /**
   * False where Jayway stops the path when this step meets {@code node} right after the path's
   * definite beginning (an array step on a non-array, a filter on a scalar).
   */
  default boolean appliesTo(JsonNode node) {
    return true;
  }

  String canonical();

  /** A step that selects at most one child. */
  sealed interface Definite extends Segment {
    JsonNode step(JsonNode node);

    @Override
    default void select(JsonNode node, JsonNode root, List<JsonNode> out) {
      JsonNode child = step(node);
      if (child != null) out.add(child);
    }
  }

  record Name(String name) implements Definite {
    @Override
    public JsonNode step(JsonNode node) {
      return node instanceof ObjectNode object ? object.get(name) : null;
    }

    @Override
    public String canonical() {
      return "['" + name + "']";
    }
  }

  /** {@code ['a','b']}: an object of those of the properties present (Jayway's merge of a leaf). */
  record Names(List<String> names) implements Definite {
    @Override
    public JsonNode step(JsonNode node) {
      if (!(node instanceof ObjectNode object)) return null;
      ObjectNode merged = Json.object();
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value != null) merged.set(name, value);
      }
      return merged;
    }

    @Override
    public String canonical() {
      return "['" + String.join("','", names) + "']";
    }

    /** The form Jayway's messages give the evaluated path: {@code ['a', 'b']}. */
    String listed() {
      return "['" + String.join("', '", names) + "']";
    }
  }

  record Index(int index) implements Definite {
    int resolve(int size) {
      int at = index < 0 ? size + index : index;
      return at >= 0 && at < size ? at : -1;
    }

    @Override
    public JsonNode step(JsonNode node) {
      if (node == null || !node.isArray()) return null;
      int at = resolve(node.size());
      return at < 0 ? null : node.get(at);
    }

    @Override
    public String canonical() {
      return "[" + index + "]";
    }
  }

  record Wildcard() implements Segment {
    @Override
    public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
      if (node.isArray() || node.isObject()) node.elements().forEachRemaining(out::add);
    }

    @Override
    public String canonical() {
      return "[*]";
    }
  }

  record Union(List<Segment> members) implements Segment {
    @Override
    public boolean appliesTo(JsonNode node) {
      return members.stream().allMatch(m -> !(m instanceof Index) || node.isArray());
    }

    @Override
    public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
      for (Segment member : members) member.select(node, root, out);
    }

    @Override
    public String canonical() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < members.size(); i++) {
        String c = members.get(i).canonical();
        sb.append(i > 0 ? "," : "").append(c, 1, c.length() - 1);
      }
      return sb.append(']').toString();
    }
  }

  /**
   * {@code [from:to]}, {@code [from:]} or {@code [:to]}, as Jayway slices: an open end counts a
   * negative bound from the array's end and clamps it; between two bounds only {@code to} is
   * clamped, so a negative {@code to} selects nothing and a {@code from} before the start counts
   * each index past the end again from the end ({@code [-10:2]} of 8 items gives the 8, then 2).
   */
  record Slice(Integer start, Integer end) implements Segment {
    @Override
    public boolean appliesTo(JsonNode node) {
      return node.isArray();
    }

    @Override
    public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
      if (!node.isArray()) return;
      int size = node.size();
      int from;
      int to;
      if (end == null) {
        from = start == null ? 0 : start < 0 ? Math.max(0, size + start) : start;
        to = size;
      } else if (start == null) {
        from = 0;
        to = Math.min(size, end < 0 ? size + end : end);
      } else {
        from = start;
        to = Math.min(size, end);
      }
      for (int i = from; i < to; i++) {
        int at = i < 0 ? size + i : i;
        if (at >= 0) out.add(node.get(at));
      }
    }

    @Override
    public String canonical() {
      return "[" + (start == null ? "" : start) + ":" + (end == null ? "" : end) + "]";
    }
  }

  /** {@code ..name} or {@code ..*}: the segment applied at every depth. */
  record DeepScan(Segment inner) implements Segment {
    @Override
    public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
      // Several properties are taken from the objects that hold them all (Jayway's scan).
      if (!(inner instanceof Names names) || names.names().stream().allMatch(node::has) && node.isObject()) {
        inner.select(node, root, out);
      }
      if (node.isArray() || node.isObject()) {
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) select(it.next(), root, out);
      }
    }

    @Override
    public String canonical() {
      return ".." + inner.canonical();
    }
  }

  /** {@code .length()} and the other Jayway functions, which Step Functions never resolves. */
  record Function(String name) implements Segment {
    @Override
    public void select(JsonNode node, JsonNode root, List<JsonNode> out) {}

    @Override
    public String canonical() {
      return "." + name + "()";
    }
  }

  record Filter(FilterExpr expr, String source) implements Segment {
    @Override
    public boolean appliesTo(JsonNode node) {
      return node.isArray() || node.isObject();
    }

    @Override
    public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
      if (node.isArray()) {
        for (JsonNode item : node) if (expr.test(item, root)) out.add(item);
      } else if (node.isObject() && expr.test(node, root)) {
        out.add(node);
      }
    }

    @Override
    public String canonical() {
      return "[?(" + source + ")]";
    }
  }
}
