package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSONPath as ASL fields write it: on the state input ({@code $.a}), on the context object
 * ({@code $$.Execution.Id}) or on a variable ({@code $name.a}).
 */
public record PathRef(String text, Root root, String variable, JsonPath path) {
  public enum Root { INPUT, CONTEXT, VARIABLE }

  private static final Map<String, PathRef> CACHE = new ConcurrentHashMap<>();

  /** Compiles (and caches: states read the same paths at every transition); throws IllegalArgumentException when malformed. */
  public static PathRef compile(String text) {
    PathRef cached = CACHE.get(text);
    if (cached != null) return cached;
    PathRef ref = parse(text);
    if (CACHE.size() < 10_000) CACHE.put(text, ref);
    return ref;
  }

  private static PathRef parse(String text) {
    if (text.startsWith("$$")) return new PathRef(text, Root.CONTEXT, null, JsonPath.compile(text.substring(1)));
    if (text.length() > 1 && isNameStart(text.charAt(1))) {
      int end = 1;
      while (end < text.length() && isNamePart(text.charAt(end))) end++;
      return new PathRef(text, Root.VARIABLE, text.substring(1, end), JsonPath.compile("$" + text.substring(end)));
    }
    return new PathRef(text, Root.INPUT, null, JsonPath.compile(text));
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The value the path names (an array of matches if indefinite), or null when nothing matches. */
  public JsonNode find(Scope scope) {
    JsonNode base = base(scope);
    if (base == null) return null;
    return path.find(base);
  }

  /** See {@link JsonPath#missesOnlyPastTheEnd}. */
  public boolean missesOnlyPastTheEnd(Scope scope) {
    JsonNode base = base(scope);
    return base != null && path.missesOnlyPastTheEnd(base);
  }

  /** See {@link JsonPath#notFoundCause}. */
  public String notFoundCause(Scope scope) {
    JsonNode base = base(scope);
    return base == null ? null : path.notFoundCause(base);
  }

  private JsonNode base(Scope scope) {
    return switch (root) {
      case INPUT -> scope.input();
      case CONTEXT -> scope.context();
      case VARIABLE -> scope.variable(variable);
    };
  }

  /** Like {@link #find} but fails as Step Functions does when nothing matches. */
  public JsonNode require(Scope scope, String field) {
    JsonNode value = find(scope);
    if (value == null) {
      if (root == Root.VARIABLE && scope.variable(variable) == null) {
        throw StatesError.runtime("The variable '$" + variable + "' specified for the field '" + field
            + "' could not be found.");
      }
      JsonNode input = root == Root.CONTEXT ? scope.context() : scope.input();
      throw StatesError.runtime("The JSONPath '" + text + "' specified for the field '" + field
          + "' could not be found in the input '" + io.stepwise.json.Json.write(input) + "'");
    }
    return value;
  }
}
