package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-ins that can make a value far larger than their arguments in one call ({@code $pad}
 * to a huge width, {@code $join} with a long separator, {@code $replace} with a long replacement, checked for {@link ReferenceRegex}),
 * so {@link MemoryBound}, which sees values once they exist, would see this one too late. Each
 * works out the size of its result first, refuses past {@link MemoryBound#MAX_VALUE_SIZE}, and
 * otherwise is the library's own function, signature and errors included.
 */
final class BoundedFunctions {
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "pad", new JFunction((input, args) -> pad(args), "<s-ns?:s>"),
      "join", new JFunction((input, args) -> join(args), "<a<s>s?:s>")));

  private BoundedFunctions() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  private static Object pad(List<?> args) {
    if (arg(args, 1) == null) return arg(args, 0); // jsonata-js pads by NaN characters: none
    if (arg(args, 1) instanceof Number width && Math.abs(width.doubleValue()) > MemoryBound.MAX_VALUE_SIZE) {
      throw MemoryBound.exceeded();
    }
    return Functions.pad((String) arg(args, 0), (Number) arg(args, 1), (String) arg(args, 2));
  }

  @SuppressWarnings("unchecked")
  private static Object join(List<?> args) {
    if (arg(args, 0) instanceof List<?> strings && arg(args, 1) instanceof String separator && !strings.isEmpty()) {
      long length = (long) separator.length() * (strings.size() - 1);
      for (Object string : strings) length += string instanceof String s ? s.length() : 0;
      if (length > MemoryBound.MAX_VALUE_SIZE) throw MemoryBound.exceeded();
    }
    return Functions.join((List<String>) arg(args, 0), (String) arg(args, 1));
  }

  /** Refuses a {@code $replace} whose result would pass the bound ({@link ReferenceRegex} does the replacing). */
  static void checkReplace(String text, Object pattern, Object replacement, long limit) {
    if (replacement instanceof String with && with.length() > patternLength(pattern)) {
      if (text.length() + matches(text, pattern, limit) * with.length() > MemoryBound.MAX_VALUE_SIZE) throw MemoryBound.exceeded();
    }
  }

  private static int patternLength(Object pattern) {
    return pattern instanceof String s ? s.length() : 0;
  }

  /** How many times the pattern matches, up to {@code limit}; an empty pattern is the library's error. */
  private static long matches(String text, Object pattern, long limit) {
    long count = 0;
    if (pattern instanceof String literal) {
      if (literal.isEmpty()) return 0;
      for (int at = text.indexOf(literal); at >= 0 && count < limit; at = text.indexOf(literal, at + literal.length())) count++;
    } else if (pattern instanceof Pattern regex) {
      Matcher matcher = regex.matcher(text);
      while (count < limit && matcher.find()) {
        count++;
        if (matcher.end() == matcher.start() && matcher.end() >= text.length()) break;
      }
    }
    return count;
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
