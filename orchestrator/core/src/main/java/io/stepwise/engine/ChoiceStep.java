package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;
import java.util.HashMap;
import java.util.Map;

/** A Choice state: the first matching rule (or Default) names the next state. */
final class ChoiceStep {
  private final Transition t;
  private final State.Choice choice;
  private final Expressions expressions;

  ChoiceStep(Transition t, State.Choice choice, Expressions expressions) {
    this.t = t;
    this.choice = choice;
    this.expressions = expressions;
  }

  void run() {
    if (choice.base().isJsonata()) {
      runJsonata();
      return;
    }
    Scope raw = t.scope(t.stateInput());
    JsonNode effective = DataFlow.select(choice.base().inputPath(), raw);
    Scope scope = raw.withInput(effective);
    for (State.Choice.Branch branch : choice.choices()) {
      if (branch.rule().matches(scope)) {
        leave(DataFlow.select(choice.base().outputPath(), scope), effective, branch.assign(), branch.next(), null);
        return;
      }
    }
    leave(DataFlow.select(choice.base().outputPath(), scope), effective, null, null, null);
  }

  private void runJsonata() {
    JsonataBindings bindings = expressions.bindings(null, null);
    for (State.Choice.Branch branch : choice.choices()) {
      JsonNode verdict = expressions.jsonata(branch.condition(), bindings, "Condition");
      if (verdict == null || !verdict.isBoolean()) {
        throw StatesError.query("The JSONata expression '" + text(branch.condition())
            + "' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '"
            + Json.typeName(verdict) + "' for value: " + (verdict == null ? "null" : Json.write(verdict)));
      }
      if (verdict.booleanValue()) {
        JsonNode output = branch.output() != null ? expressions.jsonata(branch.output(), bindings, "Output")
            : choice.base().output() != null ? expressions.jsonata(choice.base().output(), bindings, "Output")
            : t.stateInput();
        leave(output, null, branch.assign(), branch.next(), bindings);
        return;
      }
    }
    JsonNode output = choice.base().output() != null ? expressions.jsonata(choice.base().output(), bindings, "Output") : t.stateInput();
    leave(output, null, null, null, bindings);
  }

  /** Leaves to {@code next}, or to Default when no rule matched ({@code next} null). */
  private void leave(JsonNode output, JsonNode pathInput, io.stepwise.asl.Assign ruleAssign, String next, JsonataBindings bindings) {
    String target = next != null ? next : choice.defaultNext();
    if (target == null) {
      throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
    }
    Map<String, JsonNode> assigned = new HashMap<>(expressions.assign(choice.base().assign(), pathInput, bindings));
    assigned.putAll(expressions.assign(ruleAssign, pathInput, bindings));
    t.exit(choice, output, assigned, target);
  }

  private static String text(JsonNode condition) {
    String s = condition.isTextual() ? condition.textValue() : Json.write(condition);
    return s.startsWith("{%") && s.endsWith("%}") ? s.substring(2, s.length() - 2).trim() : s;
  }
}
