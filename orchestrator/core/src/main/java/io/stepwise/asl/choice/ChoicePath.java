package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.JsonPath;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;

/**
 * A reference path as a Choice rule's {@code Variable} and {@code ...Path} operands take it:
 * {@code $.x} reads the state input, {@code $$.x} the context object and {@code $name.x} the
 * variable {@code name}.
 *
 * @param text the path as written in the definition
 * @param root what the path starts from
 * @param variable the variable's name when {@code root} is {@link Root#VARIABLE}, else null
 * @param path the rest of the path, applied to the root value
 */
public record ChoicePath(String text, Root root, String variable, JsonPath path) {
  /** Where a path starts. */
  public enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  /**
   * Parses a reference path of one of the three forms.
   *
   * @throws IllegalArgumentException when it is malformed or not a reference path (names and
   *     indexes only)
   */
  public static ChoicePath parse(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("'" + text + "' does not start with '$'");
    }
    Root root = Root.INPUT;
    String variable = null;
    int restAt = 1;
    if (text.startsWith("$$")) {
      root = Root.CONTEXT;
      restAt = 2;
    } else if (restAt < text.length() && isNameStart(text.charAt(restAt))) {
      while (restAt < text.length() && isNamePart(text.charAt(restAt))) restAt++;
      root = Root.VARIABLE;
      variable = text.substring(1, restAt);
    }
    JsonPath path = JsonPath.compile("$" + text.substring(restAt));
    if (!path.isReadableReferencePath()) {
      throw new IllegalArgumentException("'" + text + "' is not a reference path (names, indexes and plain filters only)");
    }
    return new ChoicePath(text, root, variable, path);
  }

  /** The value the path names, or null when there is none. */
  public JsonNode find(Scope scope) {
    JsonNode start = switch (root) {
      case INPUT -> scope.input();
      case CONTEXT -> scope.context();
      case VARIABLE -> scope.variable(variable);
    };
    return start == null ? null : path.find(start);
  }

  /**
   * The value the path names.
   *
   * @throws StatesError States.Runtime when there is none, as Step Functions fails the state
   */
  public JsonNode require(Scope scope) {
    JsonNode value = find(scope);
    if (value == null) {
      throw StatesError.runtime(
          "Invalid path '" + text + "': The choice state's condition path references an invalid value.");
    }
    return value;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  @Override
  public String toString() {
    return text;
  }
}
