package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $match}, {@code $replace} and {@code $split} (with a regex) walking a regex's matches as jsonata-js does: each next
 * match starts where the last one ended, none past the end of the text, and a zero-length one
 * after the first is {@code D1004}; {@code $match} stops at its limit; a group that took no part is
 * null; {@code $replace}'s {@code $$} is a dollar, {@code $n} takes as many digits as there are
 * groups, a string pattern is replaced literally, and an empty one is {@code D3010}. A function that
 * is no regex is called as jsonata-js calls a custom matcher: nothing back is no match, anything
 * but a match object is {@code T1010}; past {@code $contains}, a matcher that does find one is
 * not supported.
 */
final class ReferenceRegex {
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "match", new JFunction((input, args) -> match(args), "<s-f<s:o>n?:a<o>>"),
      "replace", new JFunction((input, args) -> replace(args), "<s-(sf)(sf)n?:s>"),
      "split", new JFunction((input, args) -> split(args), "<s-(sf)n?:a<s>>"),
      "contains", new JFunction((input, args) -> contains(args), "<s-(sf):b>")));

  private ReferenceRegex() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  /** One match: its text, where it starts and ends, and its groups (null for one that took no part). */
  private record Match(String match, int start, int end, List<Object> groups) {
    Map<String, Object> toJsonata() {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("match", match);
      object.put("index", start);
      object.put("groups", new ArrayList<>(groups));
      return object;
    }

    /**
     * What jsonata-js hands a {@code $replace} function: its matcher's object, with {@code start}
     * and {@code end} where {@code $match}'s has {@code index} (and a {@code next} function,
     * which no replacement reads).
     */
    Map<String, Object> toReplacerArgument() {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("match", match);
      object.put("start", start);
      object.put("end", end);
      object.put("groups", new ArrayList<>(groups));
      return object;
    }
  }

  /** The regex's matches in {@code text}, up to {@code limit}, as jsonata-js's evaluateMatcher walks them. */
  static List<Match> matches(Pattern regex, String text, long limit) {
    List<Match> found = new ArrayList<>();
    Matcher matcher = regex.matcher(text);
    int from = 0;
    while (found.size() < limit && matcher.find(from)) {
      Match match = new Match(matcher.group(), matcher.start(), matcher.end(), groups(matcher));
      if (!found.isEmpty() && match.match().isEmpty()) {
        throw new JsonataFunctionError("D1004", "Regular expression matches zero length string");
      }
      found.add(match);
      from = matcher.end();
      if (from >= text.length()) break;
    }
    return found;
  }

  private static List<Object> groups(Matcher matcher) {
    List<Object> groups = new ArrayList<>();
    for (int i = 1; i <= matcher.groupCount(); i++) groups.add(matcher.group(i) == null ? JsonataValues.NULL : matcher.group(i));
    return groups;
  }

  /**
   * Whether a function that is no regex, called as a custom matcher on {@code text}, finds a match
   * (null when the pattern is no such function); T1010 when it returns anything but nothing or a
   * match object, as jsonata-js's evaluateMatcher refuses it.
   */
  private static Boolean customMatcherFinds(Object pattern, String text, String function) {
    if (pattern instanceof Pattern || !(Utils.isFunction(pattern) || Functions.isLambda(pattern))) return null;
    Object result = apply(pattern, text);
    if (result == null) return false;
    if (result instanceof Map<?, ?> object && (object.get("start") instanceof Number || object.get("end") instanceof Number
        || object.get("groups") instanceof List || Utils.isFunction(object.get("next")) || Functions.isLambda(object.get("next")))) {
      return true;
    }
    throw new JsonataFunctionError("T1010", "The matcher function argument passed to function \"" + function
        + "\" does not return the correct object structure");
  }

  private static Object contains(List<?> args) {
    String text = (String) arg(args, 0);
    Object pattern = arg(args, 1);
    if (text == null) return null;
    if (pattern instanceof String literal) return text.contains(literal);
    Boolean custom = customMatcherFinds(pattern, text, "contains");
    if (custom != null) return custom;
    return pattern instanceof Pattern regex ? regex.matcher(text).find() : Functions.contains(text, pattern);
  }

  private static Object match(List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) return null;
    if (Boolean.FALSE.equals(customMatcherFinds(arg(args, 1), text, "match"))) return Utils.createSequence();
    Object limit = arg(args, 2);
    if (limit instanceof Number n && n.doubleValue() < 0) {
      throw new JsonataFunctionError("D3040", "Third argument of match function must evaluate to a positive number");
    }
    List<Object> result = Utils.createSequence();
    if (!(arg(args, 1) instanceof Pattern regex)) return Functions.match(text, null, null); // the library's error
    for (Match match : matches(regex, text, limit(limit))) result.add(match.toJsonata());
    return result;
  }

  private static Object replace(List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) return null;
    Object pattern = arg(args, 1);
    Object replacement = arg(args, 2);
    Object limitArg = arg(args, 3);
    if ("".equals(pattern)) throw new JsonataFunctionError("D3010", "Second argument of replace function cannot be an empty string");
    if (limitArg instanceof Number n && n.doubleValue() < 0) {
      throw new JsonataFunctionError("D3011", "Fourth argument of replace function must evaluate to a positive number");
    }
    long limit = limit(limitArg);
    if (Boolean.FALSE.equals(customMatcherFinds(pattern, text, "replace"))) return text;
    BoundedFunctions.checkReplace(text, pattern, replacement, limit);
    if (pattern instanceof String literal) {
      if (!(replacement instanceof String with)) return Functions.replace(text, pattern, replacement, (Integer) null);
      StringBuilder result = new StringBuilder();
      int position = 0;
      long count = 0;
      for (int at = text.indexOf(literal); at >= 0 && count < limit; at = text.indexOf(literal, position), count++) {
        result.append(text, position, at).append(with);
        position = at + literal.length();
      }
      return result.append(text.substring(position)).toString();
    }
    if (!(pattern instanceof Pattern regex)) return Functions.replace(text, pattern, replacement, (Integer) null);
    StringBuilder result = new StringBuilder();
    int position = 0;
    for (Match match : matches(regex, text, limit)) {
      result.append(text, position, match.start());
      Object replaced = replacement instanceof String with ? substitute(with, match) : apply(replacement, match.toReplacerArgument());
      if (!(replaced instanceof String s)) {
        throw new JsonataFunctionError("D3012", "Attempted to replace a matched string with a non-string value");
      }
      result.append(s);
      position = match.end();
    }
    return result.append(text.substring(position)).toString();
  }

  private static Object split(List<?> args) {
    String text = (String) arg(args, 0);
    Object limitArg = arg(args, 2);
    if (text != null && Boolean.FALSE.equals(customMatcherFinds(arg(args, 1), text, "split"))) {
      return new ArrayList<>(List.of(text));
    }
    if (text == null || !(arg(args, 1) instanceof Pattern regex)
        || (limitArg instanceof Number n && n.doubleValue() < 0)) {
      return Functions.split(text, arg(args, 1), (Number) limitArg); // a string separator, or the library's error
    }
    long limit = limit(limitArg);
    List<Object> result = new ArrayList<>();
    int start = 0;
    List<Match> matches = matches(regex, text, limit);
    for (Match match : matches) {
      result.add(text.substring(start, match.start()));
      start = match.end();
    }
    if (matches.size() < limit) result.add(text.substring(start));
    return result;
  }

  /** jsonata-js's reading of {@code $0}, {@code $n} and {@code $$} in a replacement string. */
  private static String substitute(String replacement, Match match) {
    StringBuilder out = new StringBuilder();
    int position = 0;
    int groups = match.groups().size();
    int index = replacement.indexOf('$');
    while (index != -1 && position < replacement.length()) {
      out.append(replacement, position, index);
      position = index + 1;
      char next = position < replacement.length() ? replacement.charAt(position) : 0;
      if (next == '$') {
        out.append('$');
        position++;
      } else if (next == '0') {
        out.append(match.match());
        position++;
      } else {
        int maxDigits = groups == 0 ? 1 : (int) Math.floor(Math.log10(groups)) + 1;
        Integer group = leadingInt(replacement, position, maxDigits);
        if (maxDigits > 1 && group != null && group > groups) group = leadingInt(replacement, position, maxDigits - 1);
        if (group != null) {
          if (groups > 0 && group >= 1 && group <= groups && match.groups().get(group - 1) instanceof String s) out.append(s);
          position += group.toString().length();
        } else {
          out.append('$');
        }
      }
      index = replacement.indexOf('$', position);
    }
    return out.append(replacement.substring(Math.min(position, replacement.length()))).toString();
  }

  /** {@code parseInt} of up to {@code digits} characters at {@code from}: the leading digits, or null. */
  private static Integer leadingInt(String text, int from, int digits) {
    int end = from;
    while (end < Math.min(text.length(), from + digits) && Character.isDigit(text.charAt(end))) end++;
    return end == from ? null : Integer.parseInt(text.substring(from, end));
  }

  static Object apply(Object function, Object... args) {
    try {
      return Functions.funcApply(function, List.of(args));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static long limit(Object limit) {
    return limit instanceof Number n ? (long) Math.floor(n.doubleValue()) : Long.MAX_VALUE;
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
