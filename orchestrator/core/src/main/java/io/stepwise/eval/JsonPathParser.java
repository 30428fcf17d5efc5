package io.stepwise.eval;

import java.util.ArrayList;
import java.util.List;

/** Parses the text of a JSONPath into segments; malformed paths raise IllegalArgumentException. */
final class JsonPathParser {
  private final String text;
  private int pos;

  JsonPathParser(String text) {
    this.text = text;
  }

  List<Segment> parse() {
    if (text == null || !text.startsWith("$")) throw error("must start with '$'");
    pos = 1;
    List<Segment> segments = new ArrayList<>();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.') {
        if (peek(1) == '.') {
          pos += 2;
          segments.add(new Segment.DeepScan(peek(0) == '[' ? bracket() : dotted()));
        } else {
          pos++;
          // "$.[0]" is "$[0]", as Jayway (and so AWS) reads it; deployed workflows use it.
          segments.add(peek(0) == '[' ? bracket() : dotted());
        }
      } else if (c == '[') {
        segments.add(bracket());
      } else {
        throw error("unexpected '" + c + "'");
      }
    }
    return segments;
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private Segment dotted() {
    if (pos < text.length() && text.charAt(pos) == '*') {
      pos++;
      return new Segment.Wildcard();
    }
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
      // Jayway refuses a blank in a dotted name, so AWS refuses the path.
      if (text.charAt(pos) == ' ') throw error("a name with blanks takes brackets (['my name'])");
      pos++;
    }
    if (pos == start) throw error("empty name");
    String name = text.substring(start, pos);
    if (name.endsWith("()")) {
      // Jayway's functions (length(), sum()...): AWS accepts the definition, then finds nothing at run time.
      if (pos < text.length()) throw error("a function must end the path: " + name);
      return new Segment.Function(name.substring(0, name.length() - 2));
    }
    return new Segment.Name(name.intern());
  }

  private Segment bracket() {
    expect('[');
    skipSpaces();
    Segment segment;
    if (peek(0) == '?') {
      pos++;
      skipSpaces();
      expect('(');
      int start = pos;
      int depth = 1;
      char quote = 0;
      while (pos < text.length() && depth > 0) {
        char c = text.charAt(pos);
        if (quote != 0) {
          if (c == '\\') pos++;
          else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        pos++;
      }
      if (depth != 0) throw error("unclosed filter");
      String source = text.substring(start, pos - 1).trim();
      segment = new Segment.Filter(FilterExpr.parse(source), source);
    } else if (peek(0) == '*') {
      pos++;
      segment = new Segment.Wildcard();
    } else {
      List<Segment> members = new ArrayList<>();
      do {
        skipSpaces();
        members.add(member());
        skipSpaces();
      } while (tryConsume(','));
      segment = members.size() == 1 ? members.get(0) : union(members);
    }
    skipSpaces();
    expect(']');
    return segment;
  }

  // Names alone are one multi-property step (Jayway's PropertyPathToken), anything else a union.
  private static Segment union(List<Segment> members) {
    if (!members.stream().allMatch(m -> m instanceof Segment.Name)) return new Segment.Union(members);
    return new Segment.Names(members.stream().map(m -> ((Segment.Name) m).name()).toList());
  }

  private Segment member() {
    char c = peek(0);
    if (c == '\'' || c == '"') return new Segment.Name(quoted(c).intern());
    Integer start = optionalInt();
    if (!tryConsume(':')) {
      if (start == null) throw error("expected a name, an index or a slice");
      return new Segment.Index(start);
    }
    Integer end = optionalInt();
    if (peek(0) == ':') throw error("a slice takes no step (Jayway's slices are [from:to])");
    return new Segment.Slice(start, end);
  }

  private String quoted(char quote) {
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos++);
      // Only the quote itself is escaped; other backslashes are part of the name, as in Jayway.
      if (c == '\\' && pos < text.length() && text.charAt(pos) == quote) c = text.charAt(pos++);
      out.append(c);
    }
    expect(quote);
    return out.toString();
  }

  private Integer optionalInt() {
    skipSpaces();
    int start = pos;
    if (peek(0) == '-') pos++;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
    if (pos == start) return null;
    try {
      return Integer.parseInt(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("bad index '" + text.substring(start, pos) + "'");
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') pos++;
  }

  private boolean tryConsume(char c) {
    if (peek(0) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!tryConsume(c)) throw error("expected '" + c + "'");
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Invalid JSONPath '" + text + "': " + what + " at position " + pos);
  }
}
