package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.asl.validate.StateSchema.Lang;
import io.stepwise.json.Json;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a raw Amazon States Language definition the way Step Functions'
 * ValidateStateMachineDefinition does: every problem is reported, none stops the others, each
 * with a Step Functions-style code and the JSON pointer of the offending field
 * (e.g. {@code /States/Foo/Next}). An empty list means the definition is valid.
 *
 * <p>Locations follow AWS where it is known: a field a state does not support (and a JSONata-only
 * field in a JSONPath state) is located at the state, a missing required field at the object
 * that lacks it, two exclusive fields at the first of them, a machine without a terminal state
 * at the machine ("" for the top level), anything else at the offending value. Nested machines
 * are located under their state, e.g. {@code /States/P/Branches[0]/States/X/Next}. As on AWS, a
 * machine without a terminal state is not also reported for unreachable states.
 *
 * <p>Choice rules, intrinsic functions and JSONata expressions are checked by
 * {@link io.stepwise.asl.choice.ChoiceRules}, {@link io.stepwise.eval.intrinsics.Intrinsics} and
 * {@link io.stepwise.eval.jsonata.Jsonata}.
 */
public final class DefinitionValidator {
  private static final Set<String> TOP_FIELDS =
      Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
  private static final int MAX_STATE_NAME = 80;

  private final FieldChecks fields;
  private final StateChecks states;
  private final Set<String> names = new HashSet<>();

  private DefinitionValidator(FieldChecks fields, Lang top) {
    this.fields = fields;
    this.states = new StateChecks(fields, top, this::machine);
  }

  /** Validates a parsed definition. */
  public static List<Diagnostic> validate(JsonNode definition) {
    Diagnostics problems = new Diagnostics();
    if (definition == null || definition.isMissingNode()) {
      problems.add(Diagnostics.SCHEMA, null, "Definition must be a valid JSON object"); // AWS's words for ""
      return problems.all();
    }
    FieldChecks fields = new FieldChecks(problems);
    if (fields.object(definition, "")) {
      new DefinitionValidator(fields, topLanguage(definition, fields)).root(definition);
    }
    return problems.all();
  }

  /** Validates definition text; malformed JSON is reported as INVALID_JSON_DESCRIPTION. */
  public static List<Diagnostic> validateText(String json) {
    JsonNode definition;
    try {
      definition = json == null ? null : Json.parse(json);
    } catch (IllegalArgumentException e) {
      return List.of(JsonSyntax.diagnostic(json, e));
    }
    return validate(definition);
  }

  /** The top-level QueryLanguage (JSONPath by default), reporting a bad value. */
  private static Lang topLanguage(JsonNode definition, FieldChecks fields) {
    JsonNode ql = definition.get("QueryLanguage");
    return ql == null ? Lang.JSONPATH : fields.queryLanguage(ql, "/QueryLanguage");
  }

  private void root(JsonNode definition) {
    fields.onlyKnown(definition, "", TOP_FIELDS);
    JsonNode v;
    if ((v = definition.get("TimeoutSeconds")) != null) {
      fields.integer(v, "/TimeoutSeconds", 1, FieldChecks.MAX_SECONDS);
    }
    if ((v = definition.get("Version")) != null) fields.string(v, "/Version");
    body(definition, "");
  }

  /** A nested machine: a Parallel branch or a Map's ItemProcessor/Iterator. */
  private void machine(JsonNode machine, String loc, Set<String> allowedFields) {
    if (!fields.object(machine, loc)) return;
    fields.onlyKnown(machine, loc, allowedFields);
    body(machine, loc);
  }

  private void body(JsonNode machine, String loc) {
    JsonNode v;
    if ((v = machine.get("Comment")) != null) fields.string(v, at(loc, "Comment"));
    fields.required(machine, loc, "States", "StartAt");
    if (machine.has("StartAt")) fields.string(machine.get("StartAt"), at(loc, "StartAt"));
    if (!machine.has("States")) return;
    JsonNode all = machine.get("States");
    String statesLoc = at(loc, "States");
    if (!fields.object(all, statesLoc)) return;
    if (all.isEmpty()) {
      fields.problems.schema(statesLoc, "States must not be empty");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      String stateLoc = at(statesLoc, name);
      int length = name.codePointCount(0, name.length());
      if (length == 0 || length > MAX_STATE_NAME) {
        fields.problems.schema(stateLoc, "State names must be 1 to " + MAX_STATE_NAME + " characters long");
      }
      if (!names.add(name)) {
        // the words Step Functions Local (AWS's own engine) reports: "Duplicate State name: MissingValue"
        fields.problems.add(Diagnostics.DUPLICATE_STATE_NAME, stateLoc, "Duplicate State name: " + name);
      }
      states.check(e.getValue(), stateLoc);
    }
    GraphChecks.check(machine, loc, fields.problems);
  }
}
