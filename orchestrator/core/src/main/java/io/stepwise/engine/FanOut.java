package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.Jsonata;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parallel and Map: compute each child's input and hand them to the runtime, then join their
 * outcomes in order. The engine never runs a child itself.
 */
final class FanOut {
  private final Transition t;
  private final State state;
  private final Expressions expressions;

  FanOut(Transition t, State state, Expressions expressions) {
    this.t = t;
    this.state = state;
    this.expressions = expressions;
  }

  void runParallel(State.Parallel parallel) {
    JsonNode input;
    if (parallel.base().isJsonata()) {
      JsonNode arguments = parallel.base().arguments();
      input = arguments == null ? t.stateInput() : expressions.jsonata(arguments, expressions.bindings(null, null), "Arguments");
    } else {
      input = DataFlow.effectiveInput(parallel.base(), t.scope(t.stateInput()));
    }
    List<Command.Child> children = new ArrayList<>();
    for (StateMachine branch : parallel.branches()) children.add(new Command.Child(branch, input, t.variables()));
    t.history().add("ParallelStateStarted");
    t.await(Phase.AWAIT_CHILDREN);
    t.command(new Command.RunChildren(state.name(), Command.RunChildren.Kind.PARALLEL, children, 0, 0));
  }

  void runMap(State.Map map) {
    if (map.itemReader() != null) {
      new DistributedMap(t, map, expressions).start();
      return;
    }
    boolean jsonata = map.base().isJsonata();
    JsonataBindings bindings = jsonata ? expressions.bindings(null, null) : null;
    Scope raw = t.scope(t.stateInput());
    JsonNode effective = jsonata ? t.stateInput() : DataFlow.select(map.base().inputPath(), raw);
    Scope scope = raw.withInput(effective);
    JsonNode items = jsonata ? jsonataItems(map, bindings) : pathItems(map, scope);
    List<JsonNode> inputs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) inputs.add(selectItem(map, scope, bindings, i, items.get(i)));
    if (map.itemBatcher() != null) inputs = ItemBatches.of(map.itemBatcher(), inputs, scope, expressions, bindings);
    List<Command.Child> children = new ArrayList<>();
    for (JsonNode input : inputs) children.add(new Command.Child(map.processor(), input, t.variables()));
    int maxConcurrency = (int) number(map.maxConcurrency(), scope, bindings, 0);
    long toleratedFailures = toleratedFailures(map, scope, bindings, children.size());
    t.history().add("MapStateStarted", "mapStateStartedEventDetails", Json.object().put("length", children.size()));
    if (map.distributed()) t.history().add("MapRunStarted", "mapRunStartedEventDetails", Json.object().put("mapRunArn", mapRunArn()));
    t.await(Phase.AWAIT_CHILDREN);
    t.command(new Command.RunChildren(state.name(), Command.RunChildren.Kind.MAP, children, maxConcurrency, toleratedFailures));
  }

  /**
   * Every child is done, or the runtime stopped early on failure: the children's events join the
   * history, then the state fails or produces the results in order.
   */
  void finished(Event.ChildrenFinished done) {
    List<ChildOutcome> outcomes = done.outcomes();
    boolean isMap = state instanceof State.Map;
    boolean distributed = isMap && ((State.Map) state).distributed();
    // A distributed Map's iterations are executions of their own: the parent shows only the Map Run.
    ChildEvents.Joined joined = distributed ? null
        : isMap ? ChildEvents.mapIterations(t.history(), state.name(), outcomes, again((State.Map) state).maxConcurrency())
        : ChildEvents.parallelBranches(t.history(), outcomes);
    ArrayNode results = Json.array();
    List<ChildOutcome> failures = new ArrayList<>();
    for (ChildOutcome outcome : outcomes) {
      if (outcome.succeeded()) results.add(outcome.output());
      else failures.add(outcome);
    }
    if (!failures.isEmpty()) {
      long tolerated = isMap ? again((State.Map) state).toleratedFailures(outcomes.size()) : 0;
      if (!isMap || failures.size() > tolerated) {
        if (distributed) t.history().add("MapRunFailed", "mapRunFailedEventDetails", Json.object());
        else t.history().moveCursor(joined.lastFailure());
        ChildOutcome first = failures.get(0);
        boolean thresholdSet = isMap && hasTolerance((State.Map) state);
        if (thresholdSet) {
          t.fail(state, ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded");
        } else {
          t.fail(state, first.error(), first.cause());
        }
        return;
      }
    }
    if (distributed) {
      // MapStateSucceeded links to MapRunSucceeded. In every AWS recording, the exited event links
      // to MapRunStarted when the Map selects its items (ItemsPath, Items), and to MapRunSucceeded
      // when it takes its whole input.
      long runStarted = t.history().cursor();
      t.history().add("MapRunSucceeded");
      t.history().aside("MapStateSucceeded");
      if (selectsItems((State.Map) state)) t.history().moveCursor(runStarted);
    } else {
      // Written aside: the state's exited event links to what the success links to.
      t.history().moveCursor(joined.lastEnd());
      t.history().aside(isMap ? "MapStateSucceeded" : "ParallelStateSucceeded");
    }
    JsonNode written = isMap ? DistributedMap.writtenResults(t, (State.Map) state, expressions) : null;
    expressions.exitWithResult(state, written != null ? written : results);
  }

  /** The Map Run's ARN, as Step Functions names it: the machine, the execution and the Label or state. */
  String mapRunArn() {
    State.Map map = (State.Map) state;
    String label = map.label() != null ? map.label() : state.name();
    return t.stateMachineArn().replace(":stateMachine:", ":mapRun:") + "/" + label + ":" + t.executionName();
  }

  private JsonNode pathItems(State.Map map, Scope scope) {
    JsonNode items = "$".equals(map.itemsPath()) ? scope.input() : PathRef.compile(map.itemsPath()).find(scope);
    if (items == null) throw DataFlow.noResults(map.itemsPath());
    if (!items.isArray()) {
      throw StatesError.runtime("Invalid path '" + map.itemsPath() + "': The ItemsPath value must be an array, but was '"
          + Json.typeName(items) + "'");
    }
    return items;
  }

  private JsonNode jsonataItems(State.Map map, JsonataBindings bindings) {
    // Without Items, a JSONata Map iterates over its input, as if Items were {% $states.input %}.
    JsonNode items = map.items() == null ? t.stateInput() : expressions.jsonata(map.items(), bindings, "Items");
    if (items == null || !items.isArray()) {
      String expression = map.items() == null ? "$states.input"
          : map.items().isTextual() ? Jsonata.body(map.items().textValue()) : Json.write(map.items());
      throw StatesError.query("The JSONata expression '" + expression + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
          + Json.typeName(items) + "' for value: " + (items == null ? "null" : Json.write(items)));
    }
    return items;
  }

  /** ItemSelector for item {@code index}: it sees {@code $$.Map.Item.Index} and {@code .Value}. */
  JsonNode selectItem(State.Map map, Scope scope, JsonataBindings bindings, int index, JsonNode item) {
    if (map.itemSelector() == null && map.itemSelectorJsonata() == null) return item;
    ObjectNode context = t.context();
    ObjectNode itemNode = Json.object();
    itemNode.put("Index", index);
    itemNode.set("Value", item);
    context.set("Map", Json.object().set("Item", itemNode));
    if (bindings != null) {
      JsonataBindings withItem = new JsonataBindings(bindings.input(), null, null, context, bindings.variables(), bindings.sources());
      return expressions.jsonata(map.itemSelectorJsonata(), withItem, "ItemSelector");
    }
    return map.itemSelector().evaluate(new Scope(scope.input(), context, scope.variables(), scope.sources()));
  }

  long toleratedFailures(State.Map map, Scope scope, JsonataBindings bindings, int total) {
    long count = (long) number(map.toleratedFailureCount(), scope, bindings, 0);
    double percentage = number(map.toleratedFailurePercentage(), scope, bindings, 0);
    if (map.toleratedFailureCount() == null && map.toleratedFailurePercentage() == null) return 0;
    long byPercentage = map.toleratedFailurePercentage() == null ? 0 : (long) Math.floor(total * percentage / 100.0);
    if (map.toleratedFailureCount() == null) return byPercentage;
    if (map.toleratedFailurePercentage() == null) return count;
    return Math.max(count, byPercentage);
  }

  /** The Map's numbers evaluated again at the join, from the same input as at the start. */
  private Numbers again(State.Map map) {
    Scope raw = t.scope(t.stateInput());
    boolean jsonata = map.base().isJsonata();
    JsonataBindings bindings = jsonata ? expressions.bindings(null, null) : null;
    Scope scope = raw.withInput(jsonata ? t.stateInput() : DataFlow.select(map.base().inputPath(), raw));
    return new Numbers(map, scope, bindings);
  }

  private final class Numbers {
    private final State.Map map;
    private final Scope scope;
    private final JsonataBindings bindings;

    Numbers(State.Map map, Scope scope, JsonataBindings bindings) {
      this.map = map;
      this.scope = scope;
      this.bindings = bindings;
    }

    int maxConcurrency() {
      return (int) number(map.maxConcurrency(), scope, bindings, 0);
    }

    long toleratedFailures(int total) {
      return FanOut.this.toleratedFailures(map, scope, bindings, total);
    }
  }

  private static boolean selectsItems(State.Map map) {
    return map.base().isJsonata() ? map.items() != null : !"$".equals(map.itemsPath());
  }

  private static boolean hasTolerance(State.Map map) {
    return map.toleratedFailureCount() != null || map.toleratedFailurePercentage() != null;
  }

  /** A count or percentage written literally, through a path, or as JSONata; strings of digits count. */
  double number(State.Seconds field, Scope scope, JsonataBindings bindings, double absent) {
    if (field == null) return absent;
    JsonNode value;
    if (field.path() != null) {
      value = PathRef.compile(field.path()).find(scope);
      if (value == null) throw DataFlow.noResults(field.path());
      return MapLimits.fromPath(field.fieldName(), field.path(), value);
    } else if (bindings != null) {
      value = expressions.jsonata(field.literal(), bindings, field.fieldName());
    } else {
      value = field.literal();
    }
    if (value != null && value.isNumber()) return value.asDouble();
    if (value != null && value.isTextual()) {
      try {
        return Double.parseDouble(value.textValue());
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw StatesError.runtime("The value of " + field.fieldName() + " must be a number, but was: "
        + (value == null ? "null" : Json.write(value)));
  }
}
