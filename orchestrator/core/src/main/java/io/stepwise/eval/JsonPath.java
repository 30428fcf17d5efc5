package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled JSONPath over Jackson trees, in the dialect Step Functions accepts: names
 * ({@code .a}, {@code ['a']}), indexes ({@code [0]}, {@code [-1]}), wildcards, deep scan
 * ({@code ..a}), unions, slices and filters ({@code [?(@.x > 1)]}).
 *
 * <p>A definite path (names, indexes and multi-property {@code ['a','b']} steps) yields one node
 * or nothing; any other path yields an array of every match, as Jayway does. Nodes are never mutated: the engine treats every
 * {@link JsonNode} as an immutable value, so results share structure with their input.
 */
public final class JsonPath {
  private static final Map<String, JsonPath> CACHE = new ConcurrentHashMap<>();

  private final String text;
  private final List<Segment> segments;
  private final boolean definite;
  private final boolean reference;
  // A multi-property step before the last, or a function: such a path finds nothing on AWS.
  private final boolean findsNothing;
  // The steps of a definite path as an array (null otherwise): find walks it on every transition.
  private final Segment.Definite[] steps;

  private JsonPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
    this.definite = segments.stream().allMatch(s -> s instanceof Segment.Definite);
    this.reference = segments.stream().allMatch(s -> s instanceof Segment.Name || s instanceof Segment.Index);
    this.findsNothing = segments.stream().limit(Math.max(0, segments.size() - 1)).anyMatch(s -> s instanceof Segment.Names)
        || segments.stream().anyMatch(s -> s instanceof Segment.Function);
    this.steps = definite ? segments.toArray(new Segment.Definite[0]) : null;
  }

  /** Compiles (and caches) a path that starts with {@code $}; throws IllegalArgumentException if malformed. */
  public static JsonPath compile(String text) {
    JsonPath cached = CACHE.get(text);
    if (cached != null) return cached;
    JsonPath path = new JsonPath(text, new JsonPathParser(text).parse());
    if (CACHE.size() < 10_000) CACHE.put(text, path);
    return path;
  }

  /** True when {@code text} parses as a path. */
  public static boolean isValid(String text) {
    try {
      compile(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String text() {
    return text;
  }

  public boolean isDefinite() {
    return definite;
  }

  /** True for a Reference Path: names and indexes only, as ResultPath and the *Path fields require. */
  public boolean isReferencePath() {
    return reference;
  }

  /**
   * True for a path AWS reads as a Reference Path in the fields that only read one (the
   * {@code *Path} fields, Choice rules): a Reference Path, or one that also holds plain filters
   * ({@code $.jar[?(@.a >= 5)]}, see {@link FilterExpr#plain}). ResultPath, which writes, takes
   * {@link #isReferencePath} only.
   */
  public boolean isReadableReferencePath() {
    return segments.stream().allMatch(s -> s instanceof Segment.Name || s instanceof Segment.Index
        || (s instanceof Segment.Filter filter && filter.expr().plain()));
  }

  List<Segment> segments() {
    return segments;
  }

  /**
   * Evaluates against {@code root}: the node a definite path names (null when absent), or an
   * array of every match for an indefinite path.
   */
  public JsonNode find(JsonNode root) {
    if (findsNothing) return null;
    if (steps != null) {
      JsonNode node = root;
      for (Segment.Definite step : steps) {
        node = step.step(node);
        if (node == null) return null;
      }
      return node;
    }
    List<JsonNode> current = List.of(root);
    for (Segment segment : segments) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) segment.select(node, root, next);
      current = next;
    }
    ArrayNode out = Json.array();
    current.forEach(out::add);
    return out;
  }

  /**
   * Returns a copy of {@code root} with {@code value} placed at this definite path, creating
   * missing objects on the way, as ResultPath does. Only the nodes along the path are copied.
   *
   * @throws StatesError States.ResultPathMatchFailure when the path runs into a non-object
   */
  public JsonNode set(JsonNode root, JsonNode value) {
    if (!reference) throw new IllegalArgumentException("not a reference path: " + text);
    return set(root, 0, value);
  }

  private JsonNode set(JsonNode node, int i, JsonNode value) {
    if (i == segments.size()) return value;
    Segment segment = segments.get(i);
    if (segment instanceof Segment.Name name) {
      ObjectNode copy;
      if (node != null && node.isObject()) {
        copy = Json.copyOf((ObjectNode) node);
      } else if (node != null && !node.isNull() && !node.isMissingNode()) {
        throw new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE,
            "Unable to apply step \"" + name.name() + "\" to input " + Json.write(node));
      } else {
        copy = Json.object();
      }
      copy.set(name.name(), set(copy.get(name.name()), i + 1, value));
      return copy;
    }
    Segment.Index index = (Segment.Index) segment;
    if (node == null || !node.isArray() || index.resolve(node.size()) < 0) {
      throw new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE,
          "Unable to apply step \"" + index.index() + "\" to input " + (node == null ? "null" : Json.write(node)));
    }
    ArrayNode copy = Json.array();
    copy.addAll((ArrayNode) node);
    int at = index.resolve(node.size());
    copy.set(at, set(node.get(at), i + 1, value));
    return copy;
  }

  /** See {@link JaywayCauses#notFound}; null for an indefinite path. */
  public String notFoundCause(JsonNode root) {
    return steps == null ? null : JaywayCauses.notFound(steps, root);
  }

  /** Jayway's bracket form ({@code $['a'][0]}), which Step Functions quotes in its error causes. */
  public String canonical() {
    StringBuilder out = new StringBuilder("$");
    for (Segment segment : segments) out.append(segment.canonical());
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }

  /** One step of a path. */
  sealed interface Segment {
    void select(JsonNode node, JsonNode root, List<JsonNode> out);

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

    record Slice(Integer start, Integer end, int stepBy) implements Segment {
      @Override
      public void select(JsonNode node, JsonNode root, List<JsonNode> out) {
        if (!node.isArray()) return;
        int size = node.size();
        int from = clamp(start == null ? 0 : start, size);
        int to = clamp(end == null ? size : end, size);
        for (int i = from; i < to; i += stepBy) out.add(node.get(i));
      }

      private static int clamp(int i, int size) {
        int at = i < 0 ? size + i : i;
        return Math.max(0, Math.min(size, at));
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
        inner.select(node, root, out);
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
}
