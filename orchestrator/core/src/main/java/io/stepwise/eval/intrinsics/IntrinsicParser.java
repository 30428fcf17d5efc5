package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.JsonPath;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code States.Name(arg, ...)} into an {@link Expr.Call}. Arguments are string literals
 * in single quotes (escapes {@code \'}, {@code \{}, {@code \}}, {@code \\}), numbers,
 * {@code true}/{@code false}/{@code null}, paths ({@code $...}, {@code $$...}, {@code $name...})
 * and nested calls. Every problem is an IllegalArgumentException naming it and its position.
 */
final class IntrinsicParser {
  /** Step Functions allows up to 10 nested intrinsic functions in one field. */
  static final int MAX_NESTING = 10;

  private static final String PREFIX = "States.";

  private final String text;
  private int pos;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  static Expr.Call parse(String text) {
    IntrinsicParser parser = new IntrinsicParser(text);
    parser.skipSpaces();
    Expr.Call call = parser.call(1);
    parser.skipSpaces();
    if (parser.pos < text.length()) throw parser.error("unexpected text after the call");
    return call;
  }

  private Expr.Call call(int depth) {
    int start = pos;
    if (!text.startsWith(PREFIX, pos)) throw error("expected an intrinsic function (States.<Name>)");
    if (depth > MAX_NESTING) {
      throw error("intrinsic functions may be nested at most " + MAX_NESTING + " deep");
    }
    pos += PREFIX.length();
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
    String name = text.substring(start, pos);
    IntrinsicFunction function = Functions.byName(name);
    if (function == null) throw error("unknown intrinsic function '" + name + "'", start);
    skipSpaces();
    if (peek() != '(') throw error("expected '(' after " + name);
    pos++;
    List<Expr> args = arguments(name, depth);
    Expr.Call call = new Expr.Call(function, args, text.substring(start, pos));
    function.checkStatically(call);
    return call;
  }

  /** The arguments up to and including the closing parenthesis. */
  private List<Expr> arguments(String name, int depth) {
    List<Expr> args = new ArrayList<>();
    skipSpaces();
    if (peek() == ')') {
      pos++;
      return args;
    }
    while (true) {
      skipSpaces();
      args.add(argument(depth));
      skipSpaces();
      if (pos >= text.length()) throw error("missing ')' to close " + name);
      char c = text.charAt(pos++);
      if (c == ')') return args;
      if (c != ',') throw error("expected ',' or ')' but found '" + c + "'", pos - 1);
    }
  }

  private Expr argument(int depth) {
    if (pos >= text.length()) throw error("missing argument");
    char c = text.charAt(pos);
    if (c == '\'') return string();
    if (c == '$') return path();
    if (c == '-' || isDigit(c)) return number();
    if (text.startsWith(PREFIX, pos)) return call(depth + 1);
    if (Character.isLetter(c)) return keyword();
    if (c == ',' || c == ')') throw error("missing argument");
    throw error("unexpected '" + c + "'");
  }

  private Expr string() {
    int open = pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) throw error("unterminated string literal", open);
      char c = text.charAt(pos);
      if (c == '\'') break;
      if (c == '\\') {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if ("'{}\\".indexOf(next) < 0 || next == 0) {
          throw error("open escape: a backslash must be followed by ', {, } or \\");
        }
        value.append(next);
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    pos++;
    String source = text.substring(open + 1, pos - 1);
    return new Expr.Literal(Json.text(value.toString()), source, text.substring(open, pos));
  }

  private Expr number() {
    int start = pos;
    if (peek() == '-') pos++;
    digits();
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') pos++;
      digits();
    }
    String source = text.substring(start, pos);
    try {
      return new Expr.Literal(Json.parse(source), source, source);
    } catch (IllegalArgumentException e) {
      throw error("malformed number '" + source + "'", start);
    }
  }

  private void digits() {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) pos++;
    if (pos == start) throw error("malformed number");
  }

  private Expr keyword() {
    int start = pos;
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
    String word = text.substring(start, pos);
    JsonNode value = switch (word) {
      case "true" -> Json.NODES.booleanNode(true);
      case "false" -> Json.NODES.booleanNode(false);
      case "null" -> Json.NODES.nullNode();
      default -> throw error("unexpected '" + word + "'", start);
    };
    return new Expr.Literal(value, word, word);
  }

  /** A path runs to the next ',' or ')' outside brackets (filters may hold both) or to a space. */
  private Expr path() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    for (; pos < text.length(); pos++) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == '\\') pos++;
        else if (c == quote) quote = 0;
      } else if (depth > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) break;
        depth--;
      } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        break;
      }
    }
    String written = text.substring(start, pos);
    try {
      return pathArg(written);
    } catch (IllegalArgumentException e) {
      throw error("invalid path '" + written + "': " + e.getMessage(), start);
    }
  }

  private static Expr pathArg(String written) {
    if (written.startsWith("$$")) {
      return new Expr.PathArg(Expr.Root.CONTEXT, null, JsonPath.compile("$" + written.substring(2)), written);
    }
    if (written.length() > 1 && isNameStart(written.charAt(1))) {
      int end = 1;
      while (end < written.length() && isNamePart(written.charAt(end))) end++;
      String variable = written.substring(1, end);
      JsonPath path = JsonPath.compile("$" + written.substring(end));
      return new Expr.PathArg(Expr.Root.VARIABLE, variable, path, written);
    }
    return new Expr.PathArg(Expr.Root.INPUT, null, JsonPath.compile(written), written);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private IllegalArgumentException error(String problem) {
    return error(problem, pos);
  }

  private IllegalArgumentException error(String problem, int at) {
    return new IllegalArgumentException(
        "Invalid intrinsic function call: " + problem + " at position " + at + " of: " + text);
  }
}
