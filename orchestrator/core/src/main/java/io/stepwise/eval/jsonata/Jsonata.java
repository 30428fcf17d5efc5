package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSONata for ASL's {@code QueryLanguage: JSONata}: {@code {% expr %}} strings, alone or inside
 * Arguments/Output/Assign templates.
 *
 * <p>Expressions see {@code $states} ({@code input}, {@code context}, and {@code result} /
 * {@code errorOutput} when present) and every variable in scope as {@code $name}, plus the
 * functions Step Functions adds ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}); {@code $eval} is disabled, as on AWS.
 * Numbers come back as AWS prints them: a whole result is an integer node ({@code 6/2} is
 * {@code 3}, not {@code 3.0}).
 *
 * <p>Compiled expressions are cached by text, per thread (see {@link JsonataRuntime}).
 * Failures are {@link io.stepwise.eval.StatesError}s {@code States.QueryEvaluationError} whose
 * cause is AWS's, without the state prefix the engine adds (see {@link JsonataErrors}).
 */
public final class Jsonata {
  private Jsonata() {}

  /** True when {@code text} is a whole {@code {% ... %}} expression string. */
  public static boolean isExpression(String text) {
    return text != null && text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
  }

  /** The expression between {@code {%} and {@code %}}, trimmed. */
  public static String body(String text) {
    return text.substring(2, text.length() - 2).trim();
  }

  /**
   * Checks an expression's syntax.
   *
   * @throws IllegalArgumentException naming the problem as JSONata does, e.g.
   *     {@code Expected "]", got ","}
   */
  public static void validate(String body) {
    compiled(body);
  }

  private static JsonataRuntime.Compiled compiled(String body) {
    // the parser's words for nothing to parse, as AWS answers "{% %}" (floci-io/floci PR #2777)
    if (body == null || body.isBlank()) throw new IllegalArgumentException("Unexpected end of expression");
    try {
      return JsonataRuntime.compile(body);
    } catch (JException e) {
      throw new IllegalArgumentException(JsonataMessages.message(e, body), e);
    }
  }

  /**
   * The distinct names a well-formed expression reads from the context item, which Step Functions
   * never sets, in writing order: {@code phone} for {@code phone[0]}, {@code $} for {@code $.a},
   * {@code $$} for {@code $$} (see {@link TopLevelReferences}). AWS refuses each at definition time.
   *
   * @throws IllegalArgumentException as {@link #validate} when it does not parse
   */
  public static List<String> topLevelReferences(String body) {
    // the tree the compile built (and cached), not a second parse
    return TopLevelReferences.of(compiled(body).expression());
  }

  /** The name {@link #topLevelReferences} gives {@code $$}, which AWS refuses in words of its own. */
  public static final String ROOT_REFERENCE = TopLevelReferences.ROOT;

  /**
   * Evaluates one expression (the body, without the braces).
   *
   * @param field the ASL field it came from, for error causes ("Arguments", "Output/a", ...)
   * @return the result as JSON; <b>null when the expression yields JSONata's undefined</b>, which
   *     the caller decides about (most fields fail with {@link #requireDefined}'s error)
   * @throws io.stepwise.eval.StatesError States.QueryEvaluationError with AWS's cause text, also
   *     when the result is a function ("returned an unsupported result type.")
   */
  public static JsonNode evaluate(String body, JsonataBindings bindings, String field) {
    return evaluateOver(null, body, bindings, field);
  }

  /** {@link #evaluate} with {@code context} as {@code $} (null: none, as in the engine). */
  static JsonNode evaluateOver(JsonNode context, String body, JsonataBindings bindings, String field) {
    Object result = JsonataRuntime.evaluate(body, bindings, field, JsonataValues.toJava(context));
    if (result == null) return null;
    try {
      return JsonataValues.toJson(result);
    } catch (JsonataValues.UnsupportedResultException e) {
      throw JsonataErrors.unsupportedResult(body, field);
    }
  }

  /**
   * Evaluates a template: every string that is a {@code {% %}} expression, at any depth of
   * objects and arrays, is replaced by its value; everything else is kept as written. An
   * expression that yields undefined fails, named by its path from {@code field}
   * ({@code Output/a/b[0]}), since JSON has no undefined: unlike {@link #evaluate}, this never
   * returns null. Subtrees without expressions are returned as they are (nodes are immutable).
   */
  public static JsonNode evaluateTemplate(JsonNode template, JsonataBindings bindings, String field) {
    if (template == null) return null;
    if (template.isTextual() && isExpression(template.textValue())) {
      String body = body(template.textValue());
      return requireDefined(evaluate(body, bindings, field), body, field);
    }
    if (template.isObject()) {
      ObjectNode result = null;
      int index = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); index++) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode value = evaluateTemplate(entry.getValue(), bindings, field + "/" + entry.getKey());
        if (result == null && value != entry.getValue()) result = copyOfFirst(template, index);
        if (result != null) result.set(entry.getKey(), value);
      }
      return result == null ? template : result;
    }
    if (template.isArray()) {
      ArrayNode result = null;
      for (int i = 0; i < template.size(); i++) {
        JsonNode value = evaluateTemplate(template.get(i), bindings, field + "[" + i + "]");
        if (result == null && value != template.get(i)) {
          result = Json.array();
          for (int j = 0; j < i; j++) result.add(template.get(j));
        }
        if (result != null) result.add(value);
      }
      return result == null ? template : result;
    }
    return template;
  }

  /** The result, unless it is undefined (null): then AWS's "returned nothing (undefined)." */
  public static JsonNode requireDefined(JsonNode result, String body, String field) {
    if (result == null) throw JsonataErrors.undefinedResult(body, field);
    return result;
  }

  /**
   * The result when its JSON type is {@code expected} ({@code array}, {@code object},
   * {@code string}, {@code number}, {@code boolean}, {@code null}); otherwise AWS's cause, e.g.
   * {@code The JSONata expression '$ItemsVar' specified for the field 'Items' returned an
   * unexpected result type. Expected 'array', but was 'string' for value: "string"}. An undefined
   * (null) result fails as {@link #requireDefined} does.
   */
  public static JsonNode requireType(JsonNode result, String body, String field, String expected) {
    requireDefined(result, body, field);
    if (!Json.typeName(result).equals(expected)) throw JsonataErrors.unexpectedType(body, field, expected, result);
    return result;
  }

  private static ObjectNode copyOfFirst(JsonNode object, int count) {
    ObjectNode copy = Json.object();
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    for (int i = 0; i < count; i++) {
      Map.Entry<String, JsonNode> entry = it.next();
      copy.set(entry.getKey(), entry.getValue());
    }
    return copy;
  }
}
