package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
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
  private final Flow flow;

  FanOut(Transition t, State state, Flow flow) {
    this.t = t;
    this.state = state;
    this.flow = flow;
  }

  void runParallel(State.Parallel parallel) {
    JsonNode input = flow.arguments();
    List<Command.Child> children = new ArrayList<>();
    for (StateMachine branch : parallel.branches()) children.add(new Command.Child(branch, input, t.variables()));
    t.history().add("ParallelStateStarted");
    t.await(Phase.AWAIT_CHILDREN);
    t.command(new Command.RunChildren(state.name(), Command.RunChildren.Kind.PARALLEL, children, 0, 0));
  }

  void runMap(State.Map map) {
    if (map.itemReader() != null) {
      new DistributedMap(t, map, flow).start();
      return;
    }
    JsonNode items = flow.items(map);
    List<JsonNode> inputs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) inputs.add(flow.item(map, i, items.get(i)));
    if (map.itemBatcher() != null) inputs = ItemBatches.of(map.itemBatcher(), inputs, flow);
    List<Command.Child> children = new ArrayList<>();
    for (JsonNode input : inputs) children.add(new Command.Child(map.processor(), input, t.variables()));
    // AWS reads MaxConcurrency before it records MapStateStarted, the tolerated failures after:
    // a bad MaxConcurrencyPath value fails the execution right after MapStateEntered, a bad
    // Tolerated*Path value right after MapStateStarted (AWS-recorded test_max_concurrency_path,
    // test_map_state_tolerated_failure_*_path).
    int maxConcurrency = (int) number(map.maxConcurrency(), 0);
    t.history().add("MapStateStarted", "mapStateStartedEventDetails", Json.object().put("length", children.size()));
    long toleratedFailures = toleratedFailures(map, children.size());
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
    boolean anyFailed = outcomes.stream().anyMatch(ChildOutcome::failed);
    long tolerated = !isMap ? 0 : !anyFailed ? Long.MAX_VALUE
        : done.tolerated() != null ? done.tolerated() : toleratedFailures((State.Map) state, outcomes.size());
    // A distributed Map's iterations are executions of their own: the parent shows only the Map Run.
    ChildEvents.Joined joined = distributed ? null
        : isMap ? ChildEvents.mapIterations(t.history(), state.name(), outcomes,
            (int) number(((State.Map) state).maxConcurrency(), 0), tolerated)
        : ChildEvents.parallelBranches(t.history(), outcomes);
    ArrayNode results = Json.array();
    List<ChildOutcome> failures = new ArrayList<>();
    for (ChildOutcome outcome : outcomes) {
      if (outcome.succeeded()) results.add(outcome.output());
      else if (outcome.failed()) failures.add(outcome);
    }
    if (!failures.isEmpty()) {
      boolean runtime = !distributed && failures.stream().anyMatch(ChildOutcome::endsTheRun);
      if (!isMap || failures.size() > tolerated || runtime) {
        if (distributed) t.history().add("MapRunFailed", "mapRunFailedEventDetails", Json.object());
        else t.history().moveCursor(joined.lastFailure());
        // The failure the Map's join met first fails it (in memory, the first by index).
        ChildOutcome first = joined != null && joined.failed() != null ? joined.failed() : failures.get(0);
        if (!distributed && first.endsTheRun()) {
          t.failExecution(first.error(), joined.cause(first));
          return;
        }
        boolean thresholdSet = isMap && (done.tolerated() != null || ((State.Map) state).declaresTolerance());
        if (thresholdSet) {
          t.fail(state, ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded");
        } else if (ErrorNames.DATA_LIMIT_EXCEEDED.equals(first.error())) {
          // A branch's or iteration's output over the limit stays terminal in the parent.
          t.failOverLimit(state, first.cause());
        } else {
          t.fail(state, first.error(), joined == null ? first.cause() : joined.cause(first));
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
      if (flow.selectsItems((State.Map) state)) t.history().moveCursor(runStarted);
    } else {
      // Written aside: the state's exited event links to what the success links to.
      t.history().moveCursor(joined.lastEnd());
      t.history().aside(isMap ? "MapStateSucceeded" : "ParallelStateSucceeded");
    }
    JsonNode written = done.written() != null ? done.written()
        : isMap ? DistributedMap.writtenResults(t, (State.Map) state, flow) : null;
    flow.exitWithResult(state, written != null ? written : results);
  }

  /** The Map Run's ARN, as Step Functions names it: the machine, the execution and the Label or state. */
  String mapRunArn() {
    State.Map map = (State.Map) state;
    String label = map.label() != null ? map.label() : state.name();
    return t.info().stateMachineArn().replace(":stateMachine:", ":mapRun:") + "/" + label + ":" + t.info().name();
  }

  /**
   * The context object an ItemSelector sees: {@code $$.Map.Item.Index}, {@code .Value} and, for items
   * from the state input, {@code .Source} STATE_DATA (as the context object page says), beside the rest.
   */
  static ObjectNode itemContext(Transition t, State.Map map, int index, JsonNode item) {
    ObjectNode context = t.context();
    ObjectNode itemNode = Json.object();
    itemNode.put("Index", index);
    itemNode.set("Value", item);
    if (map.itemReader() == null) itemNode.put("Source", "STATE_DATA");
    context.set("Map", Json.object().set("Item", itemNode));
    return context;
  }

  /** Evaluated from the same input at the start and again at the join. */
  long toleratedFailures(State.Map map, int total) {
    Long count = map.toleratedFailureCount() == null ? null : (long) number(map.toleratedFailureCount(), 0);
    Double percentage = map.toleratedFailurePercentage() == null ? null : number(map.toleratedFailurePercentage(), 0);
    return Tolerance.failures(count, percentage, total);
  }

  /** A count or percentage written literally, through a path, or as JSONata; strings of digits count. */
  double number(State.Seconds field, double absent) {
    if (field == null) return absent;
    JsonNode value = flow.value(field.literal(), field.path(), field.fieldName());
    if (field.path() != null) {
      if (value == null) throw flow.notFound(field.path());
      return MapLimits.fromPath(field.fieldName(), field.path(), value);
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
