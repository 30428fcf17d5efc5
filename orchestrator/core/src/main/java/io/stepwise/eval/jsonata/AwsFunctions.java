package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stepwise.eval.Sources;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}), {@code $eval} disabled as AWS disables it, and
 * {@code $now}/{@code $millis}/{@code $uuid}/{@code $random} reading the step's {@link Sources}
 * (its time, and its generator seeded from the execution and the transition), never a clock.
 *
 * <p>Semantics are AWS's: a non-integer number argument is truncated towards zero; some degenerate
 * calls evaluate to undefined rather than failing (an empty array or a zero chunk size to
 * {@code $partition}, a missing or misdirected step to {@code $range}, a missing algorithm to
 * {@code $hash}); a single-element {@code $range} is the bare number (AWS: {@code $range(1, 9, 9)} is {@code 1}). Each
 * signature of Step Functions' own six declares one optional slot more than the function takes, so
 * a surplus argument reaches the function and is refused with AWS's {@code T0410} naming it;
 * JSONata's {@code $count}, {@code $now} and {@code $millis} keep jsonata-js's signatures.
 */
final class AwsFunctions {
  private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
  /** The longest {@code $range} AWS builds before refusing on its memory bound. */
  private static final long MAX_RANGE = 360_145;
  private static final ObjectReader STRICT_JSON =
      Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  /** The sources of the evaluation running on this thread (an evaluation runs on one thread). */
  private static final ThreadLocal<Sources> SOURCES = new ThreadLocal<>();

  /** Immutable once built, so shared by every thread, like the library's own built-ins. */
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "partition", new JFunction((input, args) -> partition(args), "<x?x?x?:x>"),
      "range", new JFunction((input, args) -> range(args), "<x?x?x?x?:x>"),
      "hash", new JFunction((input, args) -> hash(args), "<x?x?x?:x>"),
      "random", new JFunction((input, args) -> random(args), "<x?x?:x>"),
      "uuid", new JFunction((input, args) -> uuid(args), "<x?:x>"),
      "parse", new JFunction((input, args) -> parse(args), "<x?x?:x>"),
      // The library would read the wall clock; these read the step's time.
      "millis", new JFunction((input, args) -> SOURCES.get().now().toEpochMilli(), "<:n>"),
      "now", new JFunction((input, args) -> now(args), "<s?s?:s>"),
      // The library counts JSON null as nothing; JSONata (and so AWS) counts it as one value.
      "count", new JFunction((input, args) -> count(args), "<a:n>")));

  private AwsFunctions() {}

  /** Binds the functions into an evaluation's frame, reading {@code sources}. */
  static void bind(Frame frame, Sources sources) {
    SOURCES.set(sources);
    FUNCTIONS.forEach(frame::bind);
    frame.bind("eval", (Object) null); // calling it is then JSONata's own T1006, as on AWS
  }

  private static Object partition(List<?> args) {
    refuseSurplus(args, 2, "partition");
    Object array = arg(args, 0);
    if (array == null) return null;
    if (!(array instanceof List<?> items)) {
      throw new JsonataFunctionError("T0412", "Argument 1 of function \"partition\" must be an array of undefined");
    }
    if (items.isEmpty()) return null;
    if (arg(args, 1) == null) return List.of(new ArrayList<>(items));
    long size = truncated(args, 1, "partition");
    if (size < 0) throw JsonataFunctionError.invalid("Second argument must be zero or greater");
    if (size == 0) return null;
    int chunk = (int) Math.min(size, items.size());
    List<Object> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += chunk) {
      chunks.add(new ArrayList<>(items.subList(from, Math.min(from + chunk, items.size()))));
    }
    return chunks;
  }

  private static Object range(List<?> args) {
    refuseSurplus(args, 3, "range");
    long start = truncated(args, 0, "range");
    long end = truncated(args, 1, "range");
    if (arg(args, 2) == null) return null;
    long step = truncated(args, 2, "range");
    if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) return null;
    long count;
    try {
      count = Math.addExact(Math.subtractExact(end, start) / step, 1); // signs agree: positive
    } catch (ArithmeticException e) {
      count = Long.MAX_VALUE;
    }
    if (count == 1) return start; // a sequence of one, which JSONata unwraps: $range(1, 9, 9) is 1
    if (count > MAX_RANGE) throw MemoryBound.exceeded();
    List<Object> values = new ArrayList<>((int) count);
    for (long i = 0, value = start; i < count; i++, value += step) values.add(value);
    return values;
  }

  private static Object hash(List<?> args) {
    refuseSurplus(args, 2, "hash");
    if (!(arg(args, 0) instanceof String value)) throw JsonataFunctionError.signature("hash", 1);
    Object algorithm = arg(args, 1);
    if (algorithm == null) return null;
    if (!(algorithm instanceof String name)) throw JsonataFunctionError.signature("hash", 2);
    if (!HASH_ALGORITHMS.contains(name)) {
      throw JsonataFunctionError.invalid(
          "Hash algorithm '" + name + "' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5");
    }
    try {
      byte[] digest = MessageDigest.getInstance(name).digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(name + " is a JDK-mandated algorithm", e);
    }
  }

  /** AWS draws from {@link Random}: {@code $random(42)} is {@code 0.7275636800328681} there too. */
  private static Object random(List<?> args) {
    refuseSurplus(args, 1, "random");
    if (arg(args, 0) == null) return SOURCES.get().random().nextDouble();
    return new Random(truncated(args, 0, "random")).nextDouble();
  }

  private static Object uuid(List<?> args) {
    refuseSurplus(args, 0, "uuid");
    return SOURCES.get().uuid().toString();
  }

  private static Object parse(List<?> args) {
    refuseSurplus(args, 1, "parse");
    Object text = arg(args, 0);
    if (text == null) return null;
    if (!(text instanceof String json)) throw JsonataFunctionError.signature("parse", 1);
    JsonNode parsed;
    try {
      parsed = STRICT_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw JsonataFunctionError.invalid("Invalid JSON");
    }
    if (parsed == null || parsed.isMissingNode()) throw JsonataFunctionError.invalid("Invalid JSON");
    return JsonataValues.toJava(parsed);
  }

  /** The signature has wrapped a single value (JSON null too) in an array; undefined counts 0. */
  private static Object count(List<?> args) {
    return arg(args, 0) instanceof List<?> items ? items.size() : 0;
  }

  private static Object now(List<?> args) {
    return Functions.dateTimeFromMillis(SOURCES.get().now().toEpochMilli(), (String) arg(args, 0), (String) arg(args, 1));
  }

  /** The argument in a slot, or null (undefined) when the call left it out. */
  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }

  private static void refuseSurplus(List<?> args, int arity, String function) {
    if (arg(args, arity) != null) throw JsonataFunctionError.signature(function, arity + 1);
  }

  /** A number argument truncated towards zero, as AWS rounds it. */
  private static long truncated(List<?> args, int index, String function) {
    if (!(arg(args, index) instanceof Number number)) throw JsonataFunctionError.signature(function, index + 1);
    double value = number.doubleValue();
    if (!Double.isFinite(value)) throw JsonataFunctionError.signature(function, index + 1);
    return number instanceof Long l ? l : (long) value;
  }
}
