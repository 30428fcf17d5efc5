package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.State;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.Jsonata;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;
import java.time.Instant;

/** JSONata data flow: Arguments and Output, with {@code $states} bound to the input, result or error. */
final class JsonataFlow implements Flow {
  private final StateBase base;
  private final Transition t;
  private final Expressions expressions;

  JsonataFlow(StateBase base, Transition t, Expressions expressions) {
    this.base = base;
    this.t = t;
    this.expressions = expressions;
  }

  private JsonataBindings bindings() {
    return expressions.bindings(null, null);
  }

  @Override
  public JsonNode arguments() {
    return base.arguments() == null ? t.stateInput() : expressions.jsonata(base.arguments(), bindings(), "Arguments");
  }

  /** Output (default: the result), and Assign, both seeing {@code $states.result}. */
  @Override
  public void exitWithResult(State state, JsonNode result) {
    exit(state, result, result, base.next());
  }

  @Override
  public void exitPass(State.Pass pass) {
    exitWithInput(pass, base.next());
  }

  /** Output (default: the state's input), and Assign. */
  @Override
  public void exitWithInput(State state, String next) {
    exit(state, null, t.stateInput(), next);
  }

  private void exit(State state, JsonNode result, JsonNode defaultOutput, String next) {
    JsonataBindings bindings = expressions.bindings(result, null);
    JsonNode output = base.output() == null ? defaultOutput : expressions.jsonata(base.output(), bindings, "Output");
    t.exit(state, output, expressions.assign(base.assign(), null, bindings), next);
  }

  @Override
  public Transition.Caught caught(Catcher catcher, JsonNode errorOutput) {
    JsonataBindings bindings = expressions.bindings(null, errorOutput);
    // AWS names a catcher's own fields under it: Catch[1]/Output/v (floci-io/floci#2665)
    JsonNode output = catcher.output() == null ? errorOutput
        : expressions.jsonata(catcher.output(), bindings, catcher.field() + "/Output");
    return new Transition.Caught(output, expressions.assign(catcher.assign(), errorOutput, bindings, catcher.field() + "/Assign"));
  }

  @Override
  public Failure failure(State.Fail fail) {
    JsonataBindings bindings = bindings();
    return new Failure(
        JsonPathFlow.text(fail.error() == null ? null : expressions.jsonata(fail.error(), bindings, "Error")),
        JsonPathFlow.text(fail.cause() == null ? null : expressions.jsonata(fail.cause(), bindings, "Cause")));
  }

  @Override
  public Integer seconds(State.Seconds seconds) {
    if (seconds == null) return null;
    JsonNode value = expressions.jsonata(seconds.literal(), bindings(), seconds.fieldName());
    if (value == null || !value.canConvertToExactIntegral() || value.asInt() <= 0) {
      throw StatesError.query("The JSONata expression specified for the field '" + seconds.fieldName()
          + "' returned an unexpected result: " + (value == null ? "null" : Json.write(value)));
    }
    return value.asInt();
  }

  @Override
  public String credentialsRole(JsonNode credentials) {
    return TaskCredentialsField.roleArn(credentials, expressions, bindings());
  }

  @Override
  public Instant waitUntil(State.Wait wait, Instant entered) {
    JsonataBindings bindings = bindings();
    if (wait.seconds() != null) {
      JsonNode seconds = expressions.jsonata(wait.seconds().literal(), bindings, "Seconds");
      if (seconds == null || !seconds.canConvertToExactIntegral() || seconds.asLong() < 0) {
        throw StatesError.query("The JSONata expression specified for the field 'Seconds' returned an unexpected result: "
            + (seconds == null ? "null" : Json.write(seconds)));
      }
      return entered.plusSeconds(seconds.asLong());
    }
    JsonNode timestamp = expressions.jsonata(wait.timestamp(), bindings, "Timestamp");
    return Timestamps.jsonataTimestamp(timestamp);
  }

  /** The first rule whose Condition is true; its Output, else the state's, else the input. */
  @Override
  public Chosen choose(State.Choice choice) {
    JsonataBindings bindings = bindings();
    for (State.Choice.Branch branch : choice.choices()) {
      // AWS names a rule's fields under it: Choices[1]/Condition, Choices[1]/Output/v (floci-io/floci#2665)
      String condition = branch.field() + "/Condition";
      JsonNode verdict = expressions.jsonata(branch.condition(), bindings, condition);
      if (verdict == null || !verdict.isBoolean()) {
        throw StatesError.query("The JSONata expression '" + body(branch.condition())
            + "' specified for the field '" + condition + "' returned an unexpected result type. Expected 'boolean', but was '"
            + Json.typeName(verdict) + "' for value: " + (verdict == null ? "null" : Json.write(verdict)));
      }
      if (verdict.booleanValue()) {
        JsonNode output = branch.output() != null
            ? expressions.jsonata(branch.output(), bindings, branch.field() + "/Output") : stateOutput(bindings);
        return new Chosen(branch, output, null, bindings);
      }
    }
    return new Chosen(null, stateOutput(bindings), null, bindings);
  }

  private JsonNode stateOutput(JsonataBindings bindings) {
    return base.output() != null ? expressions.jsonata(base.output(), bindings, "Output") : t.stateInput();
  }

  /** Without Items, a JSONata Map iterates over its input, which must then be an array (AWS's own cause). */
  @Override
  public JsonNode items(State.Map map) {
    if (map.items() == null) {
      JsonNode input = t.stateInput();
      if (!input.isArray()) throw StatesError.query("Map state input must be an array but was: " + Json.write(input));
      return input;
    }
    JsonNode items = expressions.jsonata(map.items(), bindings(), "Items");
    if (items == null || !items.isArray()) {
      throw StatesError.query("The JSONata expression '" + body(map.items()) + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
          + Json.typeName(items) + "' for value: " + (items == null ? "null" : Json.write(items)));
    }
    return items;
  }

  @Override
  public JsonNode item(State.Map map, int index, JsonNode value) {
    if (map.itemSelectorJsonata() == null) return value;
    JsonataBindings bindings = bindings();
    JsonataBindings withItem = new JsonataBindings(bindings.input(), null, null, FanOut.itemContext(t, map, index, value),
        bindings.variables(), bindings.sources());
    return expressions.jsonata(map.itemSelectorJsonata(), withItem, "ItemSelector");
  }

  @Override
  public boolean selectsItems(State.Map map) {
    return map.items() != null;
  }

  /** JSONata fields have no paths: the written value is the expression (or template) to evaluate. */
  @Override
  public JsonNode value(JsonNode written, String path, String fieldName) {
    return expressions.jsonata(written, bindings(), fieldName);
  }

  @Override
  public JsonNode resourceArguments(JsonNode owner) {
    JsonNode args = owner.get("Arguments");
    return args == null ? Json.object() : template(args, "Arguments");
  }

  @Override
  public JsonNode template(JsonNode written, String fieldName) {
    return expressions.jsonata(written, bindings(), fieldName);
  }

  /** An expression as AWS quotes it in causes: without its {@code {% %}}. */
  private static String body(JsonNode field) {
    String text = field.isTextual() ? field.textValue() : Json.write(field);
    return text.startsWith("{%") && text.endsWith("%}") ? Jsonata.body(text) : text;
  }
}
