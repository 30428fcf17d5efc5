package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.asl.choice.ChoiceRules;
import io.stepwise.asl.validate.StateSchema.Lang;
import io.stepwise.json.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one state: its type, query language, allowed fields, transitions and type-specific fields. */
final class StateChecks {
  /** Checks a nested state machine (a Parallel branch, a Map's ItemProcessor). */
  interface Machines {
    void check(JsonNode machine, String loc, Set<String> allowedFields);
  }

  static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");
  private static final Set<String> JSONATA_RULE_FIELDS =
      Set.of("Condition", "Next", "Assign", "Output", "Comment");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private final FieldChecks fields;
  private final Diagnostics problems;
  private final Lang top;
  private final Machines machines;
  private final ErrorHandlingChecks errors;
  private final MapChecks maps;

  StateChecks(FieldChecks fields, Lang top, Machines machines) {
    this.fields = fields;
    this.problems = fields.problems;
    this.top = top;
    this.machines = machines;
    this.errors = new ErrorHandlingChecks(fields);
    this.maps = new MapChecks(fields, machines);
  }

  void check(JsonNode state, String loc) {
    if (!fields.object(state, loc)) return;
    Lang lang = language(state, loc);
    JsonNode typeNode = state.get("Type");
    if (typeNode == null) {
      problems.schema(loc, "These fields are required: [Type]");
      return;
    }
    String type = typeNode.asText();
    if (!typeNode.isTextual() || !StateSchema.TYPES.contains(type)) {
      // AWS's words, as localstack's AWS-validated test quotes them
      problems.schema(at(loc, "Type"),
          "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]");
      return;
    }
    JsonNode view = supported(state, loc, type, lang, downgraded(state, lang));
    JsonNode comment = view.get("Comment");
    if (comment != null) fields.string(comment, at(loc, "Comment"));
    if (StateSchema.FLOW_TYPES.contains(type)) nextOrEnd(view, loc);
    io(view, loc, lang);
    switch (type) {
      case "Task" -> task(view, loc, lang);
      case "Choice" -> choice(view, loc, lang);
      case "Wait" -> waitState(view, loc, lang);
      case "Fail" -> fail(view, loc, lang);
      case "Parallel" -> parallel(view, loc);
      case "Map" -> maps.check(view, loc, lang);
      default -> { } // Pass and Succeed have nothing beyond the common fields
    }
    if (view.has("Retry")) errors.retry(view.get("Retry"), at(loc, "Retry"));
    if (view.has("Catch")) errors.catchers(view.get("Catch"), at(loc, "Catch"), lang);
    if (lang == Lang.JSONATA) StatesReferenceChecks.check(problems, view, loc, type);
  }

  /**
   * Reports the fields the type does not support and those of the other query language, both at
   * the state as AWS does (floci-io/floci#2968), and returns a view of the state without them, so
   * later checks see only fields that apply. A state refused for declaring JSONPath under a JSONata
   * machine gets that refusal alone: its other-language fields are dropped, not reported.
   */
  private JsonNode supported(JsonNode state, String loc, String type, Lang lang, boolean downgraded) {
    Set<String> allowed = StateSchema.fields(type);
    ObjectNode view = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      Lang only = StateSchema.onlyIn(field);
      if (!allowed.contains(field)) {
        problems.schema(loc, "Field '" + field + "' is not supported");
      } else if (only != null && only != lang) {
        if (!downgraded) fields.wrongLanguage(loc, field, lang);
      } else {
        view.set(field, e.getValue());
      }
    }
    return view;
  }

  /** The state's query language: its own QueryLanguage, else the top-level one. */
  private Lang language(JsonNode state, String loc) {
    JsonNode ql = state.get("QueryLanguage");
    if (ql == null) return top;
    Lang lang = fields.queryLanguage(ql, at(loc, "QueryLanguage"));
    if (downgraded(state, lang)) {
      problems.schema(loc, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
    }
    return lang;
  }

  /** A JSONata machine's state declaring JSONPath, which AWS refuses (only the exact string is a downgrade). */
  private boolean downgraded(JsonNode state, Lang lang) {
    return top == Lang.JSONATA && lang == Lang.JSONPATH && state.has("QueryLanguage");
  }

  private void nextOrEnd(JsonNode state, String loc) {
    JsonNode next = state.get("Next");
    JsonNode end = state.get("End");
    if (next != null) fields.string(next, at(loc, "Next"));
    if (end != null && !end.isBoolean()) problems.schema(at(loc, "End"), "End must be a boolean");
    boolean ends = end != null && end.isBoolean() && end.asBoolean();
    if (next != null && ends) {
      problems.schema(at(loc, "Next"), "Next and End are mutually exclusive");
    } else if (next == null && !ends) {
      problems.schema(loc, "Exactly one of Next or End (true) is required");
    }
  }

  /** The input/output fields common to most types (Parameters is also a Map's legacy ItemSelector). */
  private void io(JsonNode state, String loc, Lang lang) {
    JsonNode v;
    if ((v = state.get("InputPath")) != null) fields.paths.path(v, at(loc, "InputPath"), "InputPath");
    if ((v = state.get("OutputPath")) != null) fields.paths.path(v, at(loc, "OutputPath"), "OutputPath");
    if ((v = state.get("ResultPath")) != null) fields.paths.resultPath(v, at(loc, "ResultPath"));
    if ((v = state.get("ResultSelector")) != null) fields.paths.template(v, at(loc, "ResultSelector"));
    if ((v = state.get("Parameters")) != null) fields.paths.template(v, at(loc, "Parameters"));
    if ((v = state.get("Arguments")) != null) fields.objectOrExpression(v, at(loc, "Arguments"));
    if ((v = state.get("Output")) != null) fields.expressions(v, at(loc, "Output"));
    if ((v = state.get("Assign")) != null) assign(fields, v, at(loc, "Assign"), lang);
  }

  /** Assign: a payload template in JSONPath, an object of values and expressions in JSONata. */
  static void assign(FieldChecks fields, JsonNode value, String loc, Lang lang) {
    if (!fields.object(value, loc)) return;
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String name = lang == Lang.JSONPATH && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!variableName(name)) {
        fields.problems.schema(at(loc, key), "Invalid variable name: " + name);
      }
    }
    if (lang == Lang.JSONPATH) fields.paths.template(value, loc);
    else fields.expressions(value, loc);
  }

  /**
   * The variables page: a Unicode identifier (ID_Start, then ID_Continue characters) of at most 80,
   * so no part of a variable ("x.y", "x[2]") can be assigned. A leading _ is let through: the docs
   * exclude it but no recording says so.
   */
  static boolean variableName(String name) {
    if (name.isEmpty() || name.length() > 80) return false;
    int first = name.codePointAt(0);
    if (!Character.isUnicodeIdentifierStart(first) && first != '_') return false;
    return name.codePoints().skip(1).allMatch(c -> Character.isUnicodeIdentifierPart(c)
        && !Character.isIdentifierIgnorable(c));
  }

  private void task(JsonNode state, String loc, Lang lang) {
    if (fields.required(state, loc, "Resource")) fields.taskResource(state.get("Resource"), at(loc, "Resource"));
    fields.integrationParameters(state, loc);
    fields.atMostOne(state, loc, "TimeoutSeconds", "TimeoutSecondsPath");
    fields.atMostOne(state, loc, "HeartbeatSeconds", "HeartbeatSecondsPath");
    JsonNode v;
    JsonNode timeout = state.get("TimeoutSeconds");
    JsonNode heartbeat = state.get("HeartbeatSeconds");
    if (timeout != null) {
      fields.integerOrExpression(timeout, at(loc, "TimeoutSeconds"), lang, 1, FieldChecks.MAX_SECONDS);
    }
    if (heartbeat != null) {
      fields.integerOrExpression(heartbeat, at(loc, "HeartbeatSeconds"), lang, 1, FieldChecks.MAX_SECONDS);
    }
    if (timeout != null && heartbeat != null && timeout.isIntegralNumber() && heartbeat.isIntegralNumber()
        && heartbeat.asLong() >= timeout.asLong()) {
      problems.schema(at(loc, "HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds");
    }
    if ((v = state.get("TimeoutSecondsPath")) != null) {
      fields.paths.referencePath(v, at(loc, "TimeoutSecondsPath"), "TimeoutSecondsPath");
    }
    if ((v = state.get("HeartbeatSecondsPath")) != null) {
      fields.paths.referencePath(v, at(loc, "HeartbeatSecondsPath"), "HeartbeatSecondsPath");
    }
    if ((v = state.get("Credentials")) != null) credentials(v, at(loc, "Credentials"), lang);
  }

  /** {@code {"RoleArn": ...}}: a string, a path or intrinsic ({@code RoleArn.$}), or a JSONata expression. */
  private void credentials(JsonNode credentials, String loc, Lang lang) {
    if (!fields.object(credentials, loc)) return;
    boolean path = lang == Lang.JSONPATH && credentials.has("RoleArn.$");
    if (!credentials.has("RoleArn") && !path) {
      problems.schema(loc, "The field 'RoleArn' is required but was missing");
      return;
    }
    fields.onlyKnown(credentials, loc, lang == Lang.JSONPATH ? Set.of("RoleArn", "RoleArn.$") : Set.of("RoleArn"));
    fields.atMostOne(credentials, loc, "RoleArn", "RoleArn.$");
    JsonNode role = credentials.has("RoleArn") ? credentials.get("RoleArn") : credentials.get("RoleArn.$");
    if (!fields.string(role, at(loc, path ? "RoleArn.$" : "RoleArn"))) return;
    if (lang == Lang.JSONPATH) fields.paths.template(credentials, loc);
    else fields.expressions(credentials, loc);
  }

  private void choice(JsonNode state, String loc, Lang lang) {
    if (fields.required(state, loc, "Choices")) {
      JsonNode choices = state.get("Choices");
      String here = at(loc, "Choices");
      if (fields.array(choices, here, true)) {
        for (int i = 0; i < choices.size(); i++) rule(choices.get(i), at(here, i), lang);
      }
    }
    JsonNode v = state.get("Default");
    if (v != null) fields.string(v, at(loc, "Default"));
  }

  /** One element of Choices; its Next target is checked with the other transitions. */
  private void rule(JsonNode rule, String loc, Lang lang) {
    if (!fields.object(rule, loc)) return;
    if (lang == Lang.JSONPATH) {
      ChoiceRules.parse(rule, loc, true, problems);
      if (rule.has("Output")) fields.wrongLanguage(at(loc, "Output"), "Output", lang);
    } else {
      fields.onlyKnown(rule, loc, JSONATA_RULE_FIELDS);
      if (fields.required(rule, loc, "Condition")) {
        JsonNode condition = rule.get("Condition");
        if (FieldChecks.isExpression(condition)) {
          fields.expression(condition.asText(), at(loc, "Condition"));
        } else if (!condition.isBoolean()) {
          problems.schema(at(loc, "Condition"), "Condition must be a JSONata expression or a boolean");
        }
      }
      if (rule.has("Output")) fields.expressions(rule.get("Output"), at(loc, "Output"));
    }
    if (fields.required(rule, loc, "Next")) fields.string(rule.get("Next"), at(loc, "Next"));
    if (rule.has("Assign")) assign(fields, rule.get("Assign"), at(loc, "Assign"), lang);
  }

  private void waitState(JsonNode state, String loc, Lang lang) {
    String[] durations = {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"};
    boolean any = false;
    for (String f : durations) any |= state.has(f);
    if (!any) {
      problems.schema(loc, "Exactly one of Seconds, Timestamp, SecondsPath or TimestampPath is required");
    }
    fields.atMostOne(state, loc, durations);
    JsonNode v;
    if ((v = state.get("Seconds")) != null) {
      fields.integerOrExpression(v, at(loc, "Seconds"), lang, 0, FieldChecks.MAX_SECONDS);
    }
    if ((v = state.get("Timestamp")) != null) {
      if (lang == Lang.JSONATA && FieldChecks.isExpression(v)) {
        fields.expression(v.asText(), at(loc, "Timestamp"));
      } else {
        timestamp(v, at(loc, "Timestamp"));
      }
    }
    if ((v = state.get("SecondsPath")) != null) {
      fields.paths.referencePath(v, at(loc, "SecondsPath"), "SecondsPath");
    }
    if ((v = state.get("TimestampPath")) != null) {
      fields.paths.referencePath(v, at(loc, "TimestampPath"), "TimestampPath");
    }
  }

  private void timestamp(JsonNode value, String loc) {
    if (!fields.string(value, loc)) return;
    boolean ok = TIMESTAMP.matcher(value.asText()).matches();
    try {
      if (ok) OffsetDateTime.parse(value.asText());
    } catch (DateTimeParseException e) {
      ok = false;
    }
    if (!ok) problems.schema(loc, "String does not match RFC3339 timestamp"); // AWS's own text
  }

  private void fail(JsonNode state, String loc, Lang lang) {
    fields.atMostOne(state, loc, "Error", "ErrorPath");
    fields.atMostOne(state, loc, "Cause", "CausePath");
    for (String f : new String[] {"Error", "Cause"}) {
      JsonNode v = state.get(f);
      if (v != null) fields.stringOrExpression(v, at(loc, f), lang);
      v = state.get(f + "Path");
      if (v != null) fields.paths.pathOrIntrinsic(v, at(loc, f + "Path"), f + "Path", true);
    }
  }

  private void parallel(JsonNode state, String loc) {
    if (!fields.required(state, loc, "Branches")) return;
    JsonNode branches = state.get("Branches");
    String here = at(loc, "Branches");
    if (!fields.array(branches, here, true)) return;
    for (int i = 0; i < branches.size(); i++) machines.check(branches.get(i), at(here, i), BRANCH_FIELDS);
  }
}
