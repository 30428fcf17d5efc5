package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.State;
import io.stepwise.asl.StateBase;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
import java.time.Instant;

/**
 * How the current state reads its input, evaluates its fields and leaves with its output: one
 * implementation for JSONPath ({@link JsonPathFlow}) and one for JSONata ({@link JsonataFlow}),
 * picked in {@link #of} from the query language the parser fixed for the state, and nowhere else.
 * The step classes only call these methods. Every state leaves through {@link Transition#exit}.
 */
interface Flow {
  static Flow of(StateBase base, Transition t, Expressions expressions) {
    return switch (base.language()) {
      case JSONATA -> new JsonataFlow(base, t, expressions);
      case JSONPATH -> new JsonPathFlow(base, t, expressions);
    };
  }

  /** What a Task is called with, or a Parallel's branches start with. */
  JsonNode arguments();

  /** Leaves a Task, Parallel or Map with its result. */
  void exitWithResult(State state, JsonNode result);

  /** Leaves a Pass state. */
  void exitPass(State.Pass pass);

  /** Leaves a Wait or Succeed state, which has no result of its own, to {@code next} (null: the end). */
  void exitWithInput(State state, String next);

  /** What a matching Catch makes of an error: the next state's input and the variables it assigns. */
  Transition.Caught caught(Catcher catcher, JsonNode errorOutput);

  /** A Fail state's error and cause. */
  Failure failure(State.Fail fail);

  record Failure(String error, String cause) {}

  /** A Task's TimeoutSeconds or HeartbeatSeconds (or their Path forms), or null when absent. */
  Integer seconds(State.Seconds seconds);

  /** The role a Task's Credentials field names (see {@link TaskCredentialsField}), or null without one. */
  String credentialsRole(JsonNode credentials);

  /** When a Wait state's timer is due, counted from {@code entered}. */
  Instant waitUntil(State.Wait wait, Instant entered);

  /**
   * The Choice rule that matches, with the state's output; {@code branch} is null when none does
   * (Default, or a States.Runtime failure).
   */
  Chosen choose(State.Choice choice);

  /** @param pathInput what a JSONPath Assign reads as {@code $}; null for JSONata */
  record Chosen(State.Choice.Branch branch, JsonNode output, JsonNode pathInput,
      JsonataBindings bindings) {}

  /** The items a Map iterates over (ItemsPath, or Items). */
  JsonNode items(State.Map map);

  /** Item {@code index} after the Map's ItemSelector, which sees {@code $$.Map.Item}. */
  JsonNode item(State.Map map, int index, JsonNode value);

  /** True when the Map picks its items out of its input rather than taking the whole of it. */
  boolean selectsItems(State.Map map);

  /**
   * A field written as a value or an expression (JSONata evaluates it; JSONPath takes it as
   * written), or, with {@code path} set, what that JSONPath reference path finds in the effective
   * input (null when it finds nothing).
   */
  JsonNode value(JsonNode written, String path, String fieldName);

  /** The failure for a reference path that {@link #value} found nothing at, with Jayway's cause. */
  default StatesError notFound(String path) {
    return DataFlow.noResults(path);
  }

  /** An ItemReader's or ResultWriter's Parameters (JSONPath) or Arguments (JSONata), evaluated; {} without. */
  JsonNode resourceArguments(JsonNode owner);

  /** A payload template (JSONPath {@code .$} keys and intrinsics, or JSONata {@code {% %}} strings). */
  JsonNode template(JsonNode written, String fieldName);
}
