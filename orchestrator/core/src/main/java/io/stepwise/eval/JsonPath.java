package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
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
  // The path's definite beginning (all of a definite path) as an array: find walks it first.
  private final Segment.Definite[] steps;

  private JsonPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
    this.definite = segments.stream().allMatch(s -> s instanceof Segment.Definite);
    this.reference = segments.stream().allMatch(s -> s instanceof Segment.Name || s instanceof Segment.Index);
    this.findsNothing = segments.stream().limit(Math.max(0, segments.size() - 1)).anyMatch(s -> s instanceof Segment.Names)
        || segments.stream().anyMatch(s -> s instanceof Segment.Function);
    this.steps = segments.stream().takeWhile(s -> s instanceof Segment.Definite).toArray(Segment.Definite[]::new);
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
    // Jayway stops a path whose definite beginning runs out (a missing property, a step into the
    // wrong kind of node): it finds nothing. Past the first step that may select several, misses
    // just drop out; an index past an array's end selects nothing either way.
    JsonNode node = root;
    for (Segment.Definite step : steps) {
      JsonNode next = step.step(node);
      if (next == null) return !definite && step instanceof Segment.Index && node.isArray() ? Json.array() : null;
      node = next;
    }
    if (definite) return node;
    List<Segment> rest = segments.subList(steps.length, segments.size());
    if (!rest.get(0).appliesTo(node)) return null;
    List<JsonNode> current = List.of(node);
    for (Segment segment : rest) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode each : current) segment.select(each, root, next);
      current = next;
    }
    ArrayNode out = Json.array();
    current.forEach(out::add);
    return out;
  }

  /**
   * True when this definite path misses {@code root} only by its last step, an index past the end
   * of the array before it: a payload template reads that as null on AWS, where a miss anywhere
   * else fails the state (measured in us-east-1, floci-io/floci PR #3167 and PR #3002's tests).
   */
  public boolean missesOnlyPastTheEnd(JsonNode root) {
    int last = steps.length - 1;
    if (!definite || findsNothing || last < 0 || !(steps[last] instanceof Segment.Index)) return false;
    JsonNode node = root;
    for (int i = 0; i < last && node != null; i++) node = steps[i].step(node);
    return node != null && node.isArray() && steps[last].step(node) == null;
  }

  /**
   * Returns a copy of {@code root} with {@code value} placed at this definite path, creating
   * missing objects on the way, as ResultPath does. Only the nodes along the path are copied.
   *
   * @throws StatesError States.ReferencePathConflict when the path runs into a non-object
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
        throw new StatesError(ErrorNames.REFERENCE_PATH_CONFLICT,
            "Unable to apply step \"" + name.name() + "\" to input " + Json.write(node));
      } else {
        copy = Json.object();
      }
      copy.set(name.name(), set(copy.get(name.name()), i + 1, value));
      return copy;
    }
    Segment.Index index = (Segment.Index) segment;
    if (node == null || !node.isArray() || index.resolve(node.size()) < 0) {
      throw new StatesError(ErrorNames.REFERENCE_PATH_CONFLICT,
          "Unable to apply step \"" + index.index() + "\" to input " + (node == null ? "null" : Json.write(node)));
    }
    ArrayNode copy = Json.array();
    copy.addAll((ArrayNode) node);
    int at = index.resolve(node.size());
    copy.set(at, set(node.get(at), i + 1, value));
    return copy;
  }

  /** See {@link JaywayCauses#notFound}. */
  public String notFoundCause(JsonNode root) {
    StringBuilder tail = new StringBuilder();
    for (Segment segment : segments.subList(steps.length, segments.size())) tail.append(segment.canonical());
    String cause = JaywayCauses.notFound(steps, root, tail.toString());
    if (cause != null || definite || findsNothing) return cause;
    JsonNode node = root;
    StringBuilder prefix = new StringBuilder("$");
    for (Segment.Definite step : steps) {
      node = step.step(node);
      if (node == null) return null;
      prefix.append(step.canonical());
    }
    Segment first = segments.get(steps.length);
    return first.appliesTo(node) ? null : JaywayCauses.notApplicable(first, prefix.toString(), tail.toString(), node);
  }

  /** See {@link JaywayCauses#indexOnNonArray}. */
  public String indexOnNonArrayCause(JsonNode root) {
    StringBuilder tail = new StringBuilder();
    for (Segment segment : segments.subList(steps.length, segments.size())) tail.append(segment.canonical());
    return JaywayCauses.indexOnNonArray(steps, root, tail.toString());
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
}
