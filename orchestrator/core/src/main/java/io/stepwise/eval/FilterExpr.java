package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSONPath filter predicate ({@code @.price < 10 && @.tag == 'x'}): comparisons, existence,
 * {@code !}, {@code &&}, {@code ||} and parentheses, with {@code @...} and {@code $...} operands.
 */
sealed interface FilterExpr {
  boolean test(JsonNode current, JsonNode root);

  /**
   * Whether a Reference Path may hold this filter, as AWS documents it ({@code $.jar[?(@.a >= 5)]}):
   * symbolic comparisons of the current node's names and indexes with literals; no word operators,
   * regex, functions or paths from the root.
   */
  default boolean plain() {
    if (this instanceof Or or) return or.left().plain() && or.right().plain();
    if (this instanceof And and) return and.left().plain() && and.right().plain();
    if (this instanceof Not not) return not.inner().plain();
    if (this instanceof Exists exists) return exists.operand().plain();
    return this instanceof Compare compare && compare.left().plain() && compare.right().plain();
  }

  static FilterExpr parse(String source) {
    Parser parser = new Parser(tokenize(source), source);
    FilterExpr expr = parser.or();
    if (parser.pos != parser.tokens.size()) throw new IllegalArgumentException("Invalid filter: " + source);
    return expr;
  }

  record Or(FilterExpr left, FilterExpr right) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      return left.test(c, r) || right.test(c, r);
    }
  }

  record And(FilterExpr left, FilterExpr right) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      return left.test(c, r) && right.test(c, r);
    }
  }

  record Not(FilterExpr inner) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      return !inner.test(c, r);
    }
  }

  /** A bare operand: true when the path exists, whatever it holds (false and null too, as in Jayway). */
  record Exists(Operand operand) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      return operand.value(c, r) != null;
    }
  }

  record Compare(Operand left, String op, Operand right) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      JsonNode a = left.value(c, r);
      JsonNode b = right.value(c, r);
      if (a == null || b == null) return op.equals("!=") && (a == null) != (b == null);
      int cmp;
      if (a.isNumber() && b.isNumber()) {
        cmp = a.decimalValue().compareTo(b.decimalValue());
      } else if (a.isTextual() && b.isTextual()) {
        cmp = a.textValue().compareTo(b.textValue());
      } else {
        boolean equal = FilterOperators.equal(a, b);
        return switch (op) {
          case "==" -> equal;
          case "!=" -> !equal;
          default -> false;
        };
      }
      return switch (op) {
        case "==" -> cmp == 0;
        case "!=" -> cmp != 0;
        case "<" -> cmp < 0;
        case "<=" -> cmp <= 0;
        case ">" -> cmp > 0;
        case ">=" -> cmp >= 0;
        default -> throw new IllegalStateException(op);
      };
    }
  }

  /** A word operator ({@code in}, {@code size}...): see {@link FilterOperators}. */
  record Lexical(Operand left, String op, Operand right) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      return FilterOperators.test(op, left.value(c, r), right.value(c, r));
    }
  }

  /** {@code @.name =~ /pattern/flags}: see {@link FilterOperators#matches}. */
  record Match(Operand left, java.util.regex.Pattern pattern) implements FilterExpr {
    public boolean test(JsonNode c, JsonNode r) {
      return FilterOperators.matches(left.value(c, r), pattern);
    }
  }

  /** A literal or a path relative to {@code @} or {@code $}. */
  record Operand(JsonNode literal, JsonPath path, boolean relative) {
    boolean plain() {
      return path == null || (relative && path.isReferencePath());
    }

    JsonNode value(JsonNode current, JsonNode root) {
      if (path == null) return literal;
      return path.find(relative ? current : root);
    }
  }

  final class Parser {
    final List<String> tokens;
    final String source;
    int pos;

    Parser(List<String> tokens, String source) {
      this.tokens = tokens;
      this.source = source;
    }

    FilterExpr or() {
      FilterExpr left = and();
      while (accept("||")) left = new Or(left, and());
      return left;
    }

    FilterExpr and() {
      FilterExpr left = unary();
      while (accept("&&")) left = new And(left, unary());
      return left;
    }

    FilterExpr unary() {
      if (accept("!")) return new Not(unary());
      if (accept("(")) {
        FilterExpr inner = or();
        if (!accept(")")) throw fail();
        return inner;
      }
      Operand left = operand();
      if (pos < tokens.size() && List.of("==", "!=", "<", "<=", ">", ">=").contains(tokens.get(pos))) {
        String op = tokens.get(pos++);
        return new Compare(left, op, operand());
      }
      if (pos < tokens.size() && FilterOperators.WORDS.contains(tokens.get(pos))) {
        String op = tokens.get(pos++);
        return new Lexical(left, op, operand());
      }
      if (accept("=~")) {
        if (pos >= tokens.size()) throw fail();
        return new Match(left, FilterOperators.regex(tokens.get(pos++)));
      }
      return new Exists(left);
    }

    Operand operand() {
      if (pos >= tokens.size()) throw fail();
      String t = tokens.get(pos++);
      if (t.startsWith("@")) return new Operand(null, JsonPath.compile("$" + t.substring(1)), true);
      if (t.startsWith("$")) return new Operand(null, JsonPath.compile(t), false);
      if (t.startsWith("'")) return new Operand(Json.text(t.substring(1, t.length() - 1)), null, false);
      try {
        return new Operand(t.startsWith("[") ? FilterOperators.literal(t) : Json.parse(t), null, false);
      } catch (IllegalArgumentException e) {
        throw fail();
      }
    }

    boolean accept(String token) {
      if (pos < tokens.size() && tokens.get(pos).equals(token)) {
        pos++;
        return true;
      }
      return false;
    }

    IllegalArgumentException fail() {
      return new IllegalArgumentException("Invalid filter: " + source);
    }
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        StringBuilder sb = new StringBuilder("'");
        while (j < s.length() && s.charAt(j) != c) {
          if (s.charAt(j) == '\\') j++;
          sb.append(s.charAt(j++));
        }
        out.add(sb.append('\'').toString());
        i = j + 1;
      } else if (c == '/') {
        // a regex literal: up to the closing slash, then its flags
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '/') j += s.charAt(j) == '\\' ? 2 : 1;
        j++;
        while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
        out.add(s.substring(i, Math.min(j, s.length())));
        i = j;
      } else if ("=!<>&|".indexOf(c) >= 0) {
        int j = i + 1;
        while (j < s.length() && "=&|~".indexOf(s.charAt(j)) >= 0 && j - i < 2) j++;
        out.add(s.substring(i, j));
        i = j;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        int depth = 0;
        while (j < s.length()) {
          char d = s.charAt(j);
          if (d == '[') depth++;
          if (d == ']') depth--;
          // a function call ends a path operand (@.tags.length()): it compiles, and finds nothing
          if (d == '(' && j + 1 < s.length() && s.charAt(j + 1) == ')' && "@$".indexOf(s.charAt(i)) >= 0) {
            j += 2;
            break;
          }
          if (depth == 0 && (d == ' ' || "=!<>&|()".indexOf(d) >= 0)) break;
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }
}
