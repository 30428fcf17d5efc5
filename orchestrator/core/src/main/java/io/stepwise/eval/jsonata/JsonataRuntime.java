package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles and evaluates JSONata bodies on the dashjoin library.
 *
 * <p><b>Thread safety: a per-thread cache.</b> A compiled {@code com.dashjoin.jsonata.Jsonata} is
 * not safe to share: the library keeps per-evaluation state (input, environment) on a per-thread
 * scratch instance held in one static {@code ThreadLocal}, and the constructor makes the new
 * expression itself that thread's scratch instance. Shared across threads, one thread's
 * evaluation can read another's half-built environment, and no per-expression lock prevents that.
 * So every thread compiles and keeps its own expressions (an LRU of {@value #CACHE_SIZE} per
 * thread): nothing the library mutates is ever seen by two threads, at the price of one parse per
 * expression per thread. Each evaluation gets a fresh frame; the shared environment is never bound.
 *
 * <p>Evaluation is bounded as AWS bounds it: {@value #MAX_DEPTH} levels of nesting and, so a
 * runaway expression cannot pin a thread, {@value #TIMEOUT_MILLIS} ms; and in memory, so it cannot
 * exhaust the heap either ({@link MemoryBound}).
 */
final class JsonataRuntime {
  static final int CACHE_SIZE = 4096;
  static final long TIMEOUT_MILLIS = 5_000;
  static final int MAX_DEPTH = 100;

  private static final ThreadLocal<Map<String, Compiled>> COMPILED =
      ThreadLocal.withInitial(() -> new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  /**
   * A compiled expression, the operators its errors may name ({@link OperatorTrace}) and its
   * calls' names by position ({@link SyntaxTree#callNames}).
   */
  record Compiled(com.dashjoin.jsonata.Jsonata expression, OperatorTrace.Operators operators,
      Map<Integer, String> callNames) {

    /** The failure, a refused argument naming the function as jsonata-js does. */
    RuntimeException attribute(RuntimeException failure) {
      if (failure instanceof ReferenceSignature.Mismatch mismatch && mismatch.token() == null
          && callNames.containsKey(mismatch.getLocation())) {
        String name = callNames.get(mismatch.getLocation());
        return mismatch.withToken(name == null ? "undefined" : JsonataValues.toJsonText(name));
      }
      return failure;
    }
  }

  private JsonataRuntime() {}

  /** This thread's compiled expression for {@code body}. @throws com.dashjoin.jsonata.JException if it does not parse */
  static Compiled compile(String body) {
    Map<String, Compiled> cache = COMPILED.get();
    Compiled compiled = cache.get(body);
    if (compiled == null) {
      com.dashjoin.jsonata.Jsonata expression = com.dashjoin.jsonata.Jsonata.jsonata(body);
      LegacyOperators.check(body); // after the library's own syntax errors, which come first
      expression.setOutputConvertNulls(false); // keep JSON null apart from undefined
      ReferenceSignatures.installInLambdas(expression);
      compiled = new Compiled(expression, OperatorTrace.of(expression), SyntaxTree.callNames(expression));
      cache.put(body, compiled);
    }
    return compiled;
  }

  /**
   * The library value of {@code body}: Java null for undefined, {@link JsonataValues#NULL} for
   * JSON null. @throws io.stepwise.eval.StatesError States.QueryEvaluationError when it fails
   */
  static Object evaluate(String body, JsonataBindings bindings, String field) {
    return evaluate(body, bindings, field, null);
  }

  /**
   * {@link #evaluate(String, JsonataBindings, String)} over a context ({@code $}): the engine's
   * expressions have none, the reference corpus's path entries do.
   */
  static Object evaluate(String body, JsonataBindings bindings, String field, Object context) {
    Compiled compiled = null;
    OperatorTrace operators = null;
    try {
      compiled = compile(body);
      Frame frame = new Frame(null);
      frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
      MemoryBound.install(frame);
      operators = OperatorTrace.install(frame, compiled.operators());
      BoundedFunctions.bind(frame);
      ReferenceBuiltins.bind(frame);
      ReferenceRegex.bind(frame);
      ReferenceCollections.bind(frame);
      ReferenceFormatNumber.bind(frame);
      ReferenceParseInteger.bind(frame);
      ReferenceFormatBase.bind(frame);
      AwsFunctions.bind(frame, bindings.sources());
      bindVariables(frame, body, bindings);
      return compiled.expression().evaluate(context, frame);
    } catch (RuntimeException e) { // JException, JsonataFunctionError, defects
      RuntimeException failure = operators == null ? e : operators.attribute(e);
      throw JsonataErrors.evaluationFailed(body, field, compiled == null ? failure : compiled.attribute(failure));
    } catch (StackOverflowError e) {
      throw JsonataErrors.evaluationFailed(body, field, e);
    }
  }

  /**
   * Binds {@code $states} and every variable as {@code $name}. A name that does not occur in the
   * body cannot be read by it (JSONata reaches a variable only by its name, and {@code $eval} is
   * disabled), so only those that occur are converted: most expressions read one or two.
   * {@code $states} is bound last, so a variable cannot shadow it.
   */
  private static void bindVariables(Frame frame, String body, JsonataBindings bindings) {
    if (bindings == null) return;
    if (bindings.variables() != null) {
      bindings.variables().forEach((name, value) -> {
        if (body.contains("$" + name)) frame.bind(name, JsonataValues.toJava(value));
      });
    }
    if (body.contains("$states")) frame.bind("states", states(bindings));
  }

  /** {@code $states}: input, context, result and errorOutput, each only when present. */
  private static Map<String, Object> states(JsonataBindings bindings) {
    Map<String, Object> states = new LinkedHashMap<>();
    put(states, "input", bindings.input());
    put(states, "context", bindings.context());
    put(states, "result", bindings.result());
    put(states, "errorOutput", bindings.errorOutput());
    return states;
  }

  private static void put(Map<String, Object> states, String name, JsonNode value) {
    if (value != null && !value.isMissingNode()) states.put(name, JsonataValues.toJava(value));
  }
}
