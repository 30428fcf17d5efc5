package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.intrinsics.Intrinsics;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;
import java.util.Map;

/** Runs the current state's own work, per state type, and routes later events to it. */
final class Runner {
  private final Transition t;
  private final State state;
  private final Expressions expressions;

  Runner(Transition t, State state) {
    this.t = t;
    this.state = state;
    this.expressions = new Expressions(t);
  }

  /** The state's work right after it is entered (or again, after a Retry interval). */
  void run() {
    if (state instanceof State.Pass pass) pass(pass);
    else if (state instanceof State.Choice choice) new ChoiceStep(t, choice, expressions).run();
    else if (state instanceof State.Wait wait) new WaitStep(t, wait, expressions).run();
    else if (state instanceof State.Succeed succeed) succeed(succeed);
    else if (state instanceof State.Fail fail) fail(fail);
    else if (state instanceof State.Task task) new TaskStep(t, task, expressions).run();
    else if (state instanceof State.Parallel parallel) new FanOut(t, state, expressions).runParallel(parallel);
    else if (state instanceof State.Map map) new FanOut(t, state, expressions).runMap(map);
  }

  void taskSucceeded(JsonNode result) {
    new TaskStep(t, (State.Task) state, expressions).succeeded(result);
  }

  void taskFailed(String error, String cause) {
    new TaskStep(t, (State.Task) state, expressions).failed(error, cause);
  }

  void timerFired() {
    new WaitStep(t, (State.Wait) state, expressions).finish();
  }

  void childrenFinished(Event.ChildrenFinished done) {
    new FanOut(t, state, expressions).finished(done);
  }

  private void pass(State.Pass pass) {
    var base = pass.base();
    if (base.isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, null);
      JsonNode output = base.output() == null ? t.stateInput() : expressions.jsonata(base.output(), bindings, "Output");
      t.exit(pass, output, expressions.assign(base.assign(), null, bindings), base.next());
      return;
    }
    Scope raw = t.scope(t.stateInput());
    JsonNode effective = DataFlow.effectiveInput(base, raw);
    JsonNode result = pass.result() != null ? pass.result() : effective;
    Map<String, JsonNode> assigned = expressions.assign(base.assign(), result, null);
    t.exit(pass, DataFlow.output(base, raw, result), assigned, base.next());
  }

  private void succeed(State.Succeed succeed) {
    var base = succeed.base();
    if (base.isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, null);
      JsonNode output = base.output() == null ? t.stateInput() : expressions.jsonata(base.output(), bindings, "Output");
      t.exit(succeed, output, expressions.assign(base.assign(), null, bindings), null);
      return;
    }
    Scope raw = t.scope(t.stateInput());
    JsonNode effective = DataFlow.select(base.inputPath(), raw);
    t.exit(succeed, DataFlow.select(base.outputPath(), raw.withInput(effective)), Map.of(), null);
  }

  private void fail(State.Fail fail) {
    String error;
    String cause;
    if (fail.base().isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, null);
      error = text(fail.error() == null ? null : expressions.jsonata(fail.error(), bindings, "Error"));
      cause = text(fail.cause() == null ? null : expressions.jsonata(fail.cause(), bindings, "Cause"));
    } else {
      Scope raw = t.scope(t.stateInput());
      error = fail.errorPath() != null ? pathText(raw, fail.errorPath(), "ErrorPath") : text(fail.error());
      cause = fail.causePath() != null ? pathText(raw, fail.causePath(), "CausePath") : text(fail.cause());
    }
    t.failExecution(error, cause);
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

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) return null;
    return node.isTextual() ? node.textValue() : Json.write(node);
  }

}
