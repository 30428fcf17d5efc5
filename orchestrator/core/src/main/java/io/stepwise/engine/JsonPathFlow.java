package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.State;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.PayloadTemplate;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.intrinsics.Intrinsics;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.Map;

/**
 * JSONPath data flow: InputPath, Parameters, ResultSelector, ResultPath and OutputPath, with
 * reference paths read against the effective input (after InputPath) and {@code $$}.
 */
final class JsonPathFlow implements Flow {
  private final StateBase base;
  private final Transition t;
  private final Expressions expressions;

  JsonPathFlow(StateBase base, Transition t, Expressions expressions) {
    this.base = base;
    this.t = t;
    this.expressions = expressions;
  }

  private Scope raw() {
    return t.scope(t.stateInput());
  }

  /** The scope after InputPath: what paths, rules and templates of the state read. */
  private Scope effective() {
    Scope raw = raw();
    return raw.withInput(DataFlow.select(base.inputPath(), raw));
  }

  @Override
  public JsonNode arguments() {
    return DataFlow.effectiveInput(base, raw());
  }

  /** ResultSelector, then Assign (seeing the selected result), ResultPath and OutputPath. */
  @Override
  public void exitWithResult(State state, JsonNode result) {
    Scope raw = raw();
    JsonNode selected = base.resultSelector() == null ? result : base.resultSelector().evaluate(raw.withInput(result));
    Map<String, JsonNode> assigned = expressions.assign(base.assign(), selected, null);
    JsonNode combined = DataFlow.applyResultPath(base.resultPath(), t.stateInput(), selected);
    t.exit(state, DataFlow.select(base.outputPath(), raw.withInput(combined)), assigned, base.next());
  }

  /** A Pass's result is its Result, else its effective input (after InputPath and Parameters). */
  @Override
  public void exitPass(State.Pass pass) {
    Scope raw = raw();
    JsonNode effective = DataFlow.effectiveInput(base, raw);
    JsonNode result = pass.result() != null ? pass.result() : effective;
    Map<String, JsonNode> assigned = expressions.assign(base.assign(), result, null);
    t.exit(pass, DataFlow.output(base, raw, result), assigned, base.next());
  }

  /** InputPath then OutputPath; Assign reads the effective input. */
  @Override
  public void exitWithInput(State state, String next) {
    Scope effective = effective();
    Map<String, JsonNode> assigned = expressions.assign(base.assign(), effective.input(), null);
    t.exit(state, DataFlow.select(base.outputPath(), effective), assigned, next);
  }

  @Override
  public Transition.Caught caught(Catcher catcher, JsonNode errorOutput) {
    JsonNode output = DataFlow.applyResultPath(catcher.resultPath(), t.stateInput(), errorOutput);
    return new Transition.Caught(output, expressions.assign(catcher.assign(), errorOutput, null));
  }

  @Override
  public Failure failure(State.Fail fail) {
    Scope raw = raw();
    return new Failure(
        fail.errorPath() != null ? pathText(raw, fail.errorPath(), "ErrorPath") : text(fail.error()),
        fail.causePath() != null ? pathText(raw, fail.causePath(), "CausePath") : text(fail.cause()));
  }

  /** ErrorPath / CausePath: a reference path, or an intrinsic that returns a string. */
  private static String pathText(Scope scope, String path, String field) {
    if (Intrinsics.isCall(path)) return text(Intrinsics.parse(path).evaluate(scope));
    JsonNode value = PathRef.compile(path).find(scope);
    if (value == null) {
      throw StatesError.runtime("The JSONPath '" + path + "' specified for the field '" + field
          + "' could not be found in the input '" + Json.write(scope.input()) + "'");
    }
    return text(value);
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull()) return null;
    return node.isTextual() ? node.textValue() : Json.write(node);
  }

  @Override
  public Integer seconds(State.Seconds seconds) {
    if (seconds == null) return null;
    if (seconds.literal() != null) return seconds.literal().asInt();
    Scope raw = raw();
    PathRef ref = PathRef.compile(seconds.path());
    JsonNode value = ref.find(raw);
    // A path that selects nothing fails as InputPath's does (LocalStack's AWS-validated
    // test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_TIMEOUTSECONDSPATH / _HEARTBEATSECONDSPATH]).
    if (value == null) throw DataFlow.noResults(seconds.path(), ref.notFoundCause(raw));
    if (!value.canConvertToInt() || value.asInt() <= 0) {
      throw StatesError.runtime("The " + seconds.fieldName() + " parameter does not reference a positive integer: "
          + seconds.path() + " == " + Json.write(value));
    }
    return value.asInt();
  }

  @Override
  public String credentialsRole(JsonNode credentials) {
    return TaskCredentialsField.roleArn(credentials, raw());
  }

  @Override
  public Instant waitUntil(State.Wait wait, Instant entered) {
    Scope scope = effective();
    if (wait.seconds() != null && wait.seconds().literal() != null) {
      return entered.plusSeconds(wait.seconds().literal().asLong());
    }
    if (wait.seconds() != null) {
      String path = wait.seconds().path();
      JsonNode value = PathRef.compile(path).find(scope);
      if (value == null) {
        throw StatesError.runtime("The SecondsPath parameter does not reference an input value: " + path);
      }
      if (!value.isIntegralNumber()) {
        throw StatesError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + path + " == " + Json.write(value));
      }
      if (value.asLong() < 0) {
        throw StatesError.runtime("The SecondsPath parameter references a negative value: " + path + " == " + Json.write(value));
      }
      return entered.plusSeconds(value.asLong());
    }
    if (wait.timestamp() != null) return Timestamps.waitTimestamp(wait.timestamp(), "Timestamp", wait.timestamp().asText());
    JsonNode value = PathRef.compile(wait.timestampPath()).find(scope);
    if (value == null) {
      throw StatesError.runtime("The TimestampPath parameter does not reference an input value: " + wait.timestampPath());
    }
    return Timestamps.waitTimestamp(value, "TimestampPath", wait.timestampPath());
  }

  /** Rules read the effective input; the output is OutputPath over it. */
  @Override
  public Chosen choose(State.Choice choice) {
    Scope scope = effective();
    JsonNode output = DataFlow.select(base.outputPath(), scope);
    for (State.Choice.Branch branch : choice.choices()) {
      if (branch.rule().matches(scope)) return new Chosen(branch, output, scope.input(), null);
    }
    return new Chosen(null, output, scope.input(), null);
  }

  @Override
  public JsonNode items(State.Map map) {
    Scope scope = effective();
    PathRef ref = "$".equals(map.itemsPath()) ? null : PathRef.compile(map.itemsPath());
    JsonNode items = ref == null ? scope.input() : ref.find(scope);
    if (items == null) throw DataFlow.noResults(map.itemsPath(), ref.notFoundCause(scope));
    if (!items.isArray()) {
      throw StatesError.runtime("Invalid path '" + map.itemsPath() + "': The ItemsPath value must be an array, but was '"
          + Json.typeName(items) + "'");
    }
    return items;
  }

  @Override
  public JsonNode item(State.Map map, int index, JsonNode value) {
    if (map.itemSelector() == null) return value;
    Scope scope = effective();
    ObjectNode context = FanOut.itemContext(t, map, index, value);
    return map.itemSelector().evaluate(new Scope(scope.input(), context, scope.variables(), scope.sources()));
  }

  @Override
  public boolean selectsItems(State.Map map) {
    return !"$".equals(map.itemsPath());
  }

  @Override
  public JsonNode value(JsonNode written, String path, String fieldName) {
    return path == null ? written : PathRef.compile(path).find(effective());
  }

  @Override
  public StatesError notFound(String path) {
    return DataFlow.noResults(path, PathRef.compile(path).notFoundCause(effective()));
  }

  @Override
  public JsonNode resourceArguments(JsonNode owner) {
    JsonNode params = owner.get("Parameters");
    return params == null ? Json.object() : template(params, "Parameters");
  }

  @Override
  public JsonNode template(JsonNode written, String fieldName) {
    return PayloadTemplate.compile(written).evaluate(effective());
  }
}
