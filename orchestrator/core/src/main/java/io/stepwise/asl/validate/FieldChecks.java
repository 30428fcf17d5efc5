package io.stepwise.asl.validate;

import io.stepwise.integrations.Integration;
import io.stepwise.integrations.Integrations;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.asl.validate.StateSchema.Lang;
import io.stepwise.eval.jsonata.Jsonata;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of single fields: presence, types, ranges, resources and JSONata strings; paths and
 * payload templates are in {@link PathChecks}. Each check reports to the shared
 * {@link Diagnostics} and never throws.
 */
final class FieldChecks {
  /** The largest value AWS accepts for its seconds and attempts counters. */
  static final long MAX_SECONDS = 99_999_999L;

  final Diagnostics problems;
  final PathChecks paths;

  FieldChecks(Diagnostics problems) {
    this.problems = problems;
    this.paths = new PathChecks(this);
  }

  /** The JSON pointer of {@code key} under {@code loc}, escaped per RFC 6901. */
  static String at(String loc, String key) {
    return loc + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * An array element, bracketed as AWS locates one ({@code /States/C/Choices[0]/Next},
   * {@code /States/E/Output/a/b[0]}: floci-io/floci PRs #2699 and #2786).
   */
  static String at(String loc, int index) {
    return loc + "[" + index + "]";
  }

  // ---- presence ----

  /** Reports every field of {@code obj} outside {@code allowed}, located at the object as AWS does. */
  void onlyKnown(JsonNode obj, String loc, Set<String> allowed) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) problems.schema(loc, "Field '" + field + "' is not supported");
    }
  }

  /** Reports the missing ones of {@code fields} at the object, in one problem as AWS does; returns whether all are present. */
  boolean required(JsonNode obj, String loc, String... fields) {
    List<String> missing = new ArrayList<>();
    for (String f : fields) if (!obj.has(f)) missing.add(f);
    if (missing.isEmpty()) return true;
    problems.schema(loc, "These fields are required: [" + String.join(", ", missing) + "]");
    return false;
  }

  /** Reports, at the first of them, when more than one of {@code fields} is present. */
  void atMostOne(JsonNode obj, String loc, String... fields) {
    List<String> present = new ArrayList<>();
    for (String f : fields) if (obj.has(f)) present.add(f);
    if (present.size() > 1) {
      problems.schema(at(loc, present.get(0)), "Only one of " + String.join(", ", present) + " may be set");
    }
  }

  // ---- types and ranges ----

  boolean string(JsonNode value, String loc) {
    if (value.isTextual()) return true;
    problems.schema(loc, "Expected a string but found " + Json.typeName(value));
    return false;
  }

  boolean object(JsonNode value, String loc) {
    if (value.isObject()) return true;
    problems.schema(loc, "Expected an object but found " + Json.typeName(value));
    return false;
  }

  boolean array(JsonNode value, String loc, boolean nonEmpty) {
    if (!value.isArray()) {
      problems.schema(loc, "Expected an array but found " + Json.typeName(value));
      return false;
    }
    if (nonEmpty && value.isEmpty()) {
      problems.schema(loc, "The array must not be empty");
      return false;
    }
    return true;
  }

  /** An integer in [min, max]. */
  boolean integer(JsonNode value, String loc, long min, long max) {
    if (!value.isIntegralNumber()) {
      problems.schema(loc, "Expected an integer but found " + Json.typeName(value));
      return false;
    }
    return inRange(value, loc, min, max);
  }

  /** Any number in [min, max]. */
  boolean number(JsonNode value, String loc, double min, double max) {
    if (!value.isNumber()) {
      problems.schema(loc, "Expected a number but found " + Json.typeName(value));
      return false;
    }
    return inRange(value, loc, min, max);
  }

  private boolean inRange(JsonNode value, String loc, double min, double max) {
    double v = value.asDouble();
    if (v >= min && v <= max) return true;
    String upper = max == Long.MAX_VALUE || Double.isInfinite(max) ? "" : " and at most " + fmt(max);
    problems.schema(loc, "The value must be at least " + fmt(min) + upper + " but was " + value);
    return false;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** In JSONPath an integer in range; in JSONata also a {@code {% %}} expression. */
  void integerOrExpression(JsonNode value, String loc, Lang lang, long min, long max) {
    if (lang == Lang.JSONATA && isExpression(value)) {
      expression(value.asText(), loc);
    } else if (lang == Lang.JSONATA && !value.isIntegralNumber()) {
      problems.schema(loc, "Expected an integer or a JSONata expression but found " + Json.typeName(value));
    } else {
      integer(value, loc, min, max);
    }
  }

  /** In JSONPath a number in range; in JSONata also a {@code {% %}} expression. */
  void numberOrExpression(JsonNode value, String loc, Lang lang, double min, double max) {
    if (lang == Lang.JSONATA && isExpression(value)) {
      expression(value.asText(), loc);
    } else if (lang == Lang.JSONATA && !value.isNumber()) {
      problems.schema(loc, "Expected a number or a JSONata expression but found " + Json.typeName(value));
    } else {
      number(value, loc, min, max);
    }
  }

  /** A string that is, in JSONata, optionally a {@code {% %}} expression. */
  void stringOrExpression(JsonNode value, String loc, Lang lang) {
    if (string(value, loc) && lang == Lang.JSONATA && isExpression(value)) {
      expression(value.asText(), loc);
    }
  }

  /** An ItemReader/ResultWriter Resource: an ARN (MapChecks checks that Stepwise runs it). */
  void resource(JsonNode value, String loc) {
    if (string(value, loc) && !value.asText().startsWith("arn:")) {
      problems.add(Diagnostics.INVALID_RESOURCE, loc, "Resource must be an ARN: " + value.asText());
    }
  }

  private static final Integrations INTEGRATIONS = Integrations.standard();

  /** A Task's Resource: one that Stepwise can run. */
  void taskResource(JsonNode value, String loc) {
    if (!string(value, loc)) return;
    String resource = value.asText();
    if (!resource.startsWith("arn:")) {
      problems.add(Diagnostics.INVALID_RESOURCE, loc, "Resource must be an ARN: " + resource);
    } else if (INTEGRATIONS.lookup(resource) instanceof Integrations.Lookup.Refused refused) {
      problems.add(Diagnostics.INVALID_RESOURCE, loc, refused.reason() + "; supported: " + Integrations.summary());
    }
  }

  /**
   * The parameters an HTTP integration requires ({@code ApiEndpoint}, {@code Method}, a
   * connection ARN), in Parameters or in an Arguments object, as Step Functions' validator
   * reports them. An Arguments expression is only known at run time.
   */
  void integrationParameters(JsonNode state, String loc) {
    JsonNode resource = state.get("Resource");
    if (resource == null || !resource.isTextual()
        || !(INTEGRATIONS.lookup(resource.asText()) instanceof Integrations.Lookup.Found found)
        || !(found.target().integration().call() instanceof Integration.Http http)) {
      return;
    }
    String field = state.has("Arguments") ? "Arguments" : "Parameters";
    JsonNode parameters = state.get(field);
    if (parameters != null && !parameters.isObject()) return;
    for (String required : http.required()) {
      boolean present = false;
      for (String option : required.split("\\|")) present |= parameters != null && hasPath(parameters, option.split("\\."));
      if (!present) {
        String name = required.substring(required.lastIndexOf('.') + 1);
        problems.schema(parameters == null ? loc : at(loc, field), "The field '" + name + "' is required but was missing");
      }
    }
  }

  /** {@code a.b} is present, or (JSONPath) {@code a.b.$} or {@code a.$}, whose value is only known at run time. */
  private static boolean hasPath(JsonNode node, String[] path) {
    JsonNode at = node;
    for (String step : path) {
      if (at.has(step + ".$")) return true;
      at = at.get(step);
      if (at == null) return false;
    }
    return true;
  }

  /**
   * A present QueryLanguage: JSONPath only when it is exactly "JSONPath", JSONata for anything else,
   * a value outside the enum reported at the field in AWS's words (measured by floci-io/floci, #2968).
   */
  Lang queryLanguage(JsonNode value, String loc) {
    if (!value.isTextual()) {
      problems.schema(loc, "Expected value of type [STRING]");
    } else if (!Set.of("JSONPath", "JSONata").contains(value.asText())) {
      problems.schema(loc, "Value should be one of the following: [JSONPath, JSONata]");
    }
    return Lang.of(value.isTextual() ? value.asText() : null);
  }

  /** Reports {@code field}, present in a {@code lang} object, as belonging to the other language. */
  void wrongLanguage(String loc, String field, Lang lang) {
    problems.schema(loc, "The QueryLanguage is set to '" + lang.text + "', but field '" + field
        + "' is only supported for the '" + lang.other().text + "' QueryLanguage");
  }

  /**
   * The value of {@code field} in {@code obj}, or null when absent or when the field belongs to
   * the other query language (then reported, at the field).
   */
  JsonNode get(JsonNode obj, String loc, String field, Lang lang) {
    JsonNode value = obj.get(field);
    if (value == null) return null;
    Lang only = StateSchema.onlyIn(field);
    if (only != null && only != lang) {
      wrongLanguage(at(loc, field), field, lang);
      return null;
    }
    return value;
  }

  // ---- JSONata ----

  static boolean isExpression(JsonNode value) {
    return value.isTextual() && Jsonata.isExpression(value.asText());
  }

  /**
   * Validates the {@code {% %}} expression {@code text} as CreateStateMachine does: one that does
   * not parse is refused with the parser's message, one that does with one diagnostic per distinct
   * name it reads at the top level (AWS's answers in floci-io/floci#2670 and #2745).
   */
  void expression(String text, String loc) {
    List<String> names;
    try {
      names = Jsonata.topLevelReferences(Jsonata.body(text));
    } catch (IllegalArgumentException e) {
      problems.add(Diagnostics.INVALID_JSONATA, loc, e.getMessage());
      return;
    }
    for (String name : names) {
      problems.add(Diagnostics.UNSUPPORTED_JSONATA, loc, name.equals(Jsonata.ROOT_REFERENCE)
          ? "Reference to '$$' is not supported."
          : "Reference to '" + name + "' at the top level is not supported.");
    }
  }

  /**
   * Validates every {@code {% %}} string at any depth of {@code value}. A string that opens with
   * {@code {%} but does not close with {@code %}}, or the reverse, is "improperly opening or closing
   * the expression", a validation error (Transforming data with JSONata page); one with spaces
   * around a whole expression is a literal (recorded on AWS).
   */
  void expressions(JsonNode value, String loc) {
    if (isExpression(value)) {
      expression(value.asText(), loc);
    } else if (value.isTextual() && improperlyDelimited(value.asText())) {
      problems.schema(loc, "The JSONata expression must start with {% and end with %}: "
          + value.asText());
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        expressions(e.getValue(), at(loc, e.getKey()));
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) expressions(value.get(i), at(loc, i));
    }
  }

  private static boolean improperlyDelimited(String text) {
    return text.startsWith("{%") != text.endsWith("%}") && !Jsonata.isExpression(text.strip());
  }

  /** A JSONata template that must be an object or a single expression (Arguments, ItemSelector...). */
  void objectOrExpression(JsonNode value, String loc) {
    if (isExpression(value)) {
      expression(value.asText(), loc);
    } else if (object(value, loc)) {
      expressions(value, loc);
    }
  }
}
