package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;

/** Runs the current state's own work, per state type, and routes later events to it. */
final class Runner {
  private final Transition t;
  private final State state;
  private final Expressions expressions;
  private final Flow flow;

  Runner(Transition t, State state) {
    this.t = t;
    this.state = state;
    this.expressions = new Expressions(t);
    this.flow = Flow.of(state.base(), t, expressions);
  }

  /** The state's work right after it is entered (or again, after a Retry interval). */
  void run() {
    if (state instanceof State.Pass pass) flow.exitPass(pass);
    else if (state instanceof State.Choice choice) new ChoiceStep(t, choice, expressions, flow).run();
    else if (state instanceof State.Wait wait) new WaitStep(t, wait, flow).run();
    else if (state instanceof State.Succeed succeed) flow.exitWithInput(succeed, null);
    else if (state instanceof State.Fail fail) fail(fail);
    else if (state instanceof State.Task task) new TaskStep(t, task, flow).run();
    else if (state instanceof State.Parallel parallel) new FanOut(t, state, flow).runParallel(parallel);
    else if (state instanceof State.Map map) new FanOut(t, state, flow).runMap(map);
  }

  void taskSucceeded(JsonNode result) {
    new TaskStep(t, (State.Task) state, flow).succeeded(result);
  }

  void taskFailed(String error, String cause) {
    new TaskStep(t, (State.Task) state, flow).failed(error, cause);
  }

  void timerFired() {
    new WaitStep(t, (State.Wait) state, flow).finish();
  }

  void childrenFinished(Event.ChildrenFinished done) {
    new FanOut(t, state, flow).finished(done);
  }

  private void fail(State.Fail fail) {
    Flow.Failure failure = flow.failure(fail);
    t.failExecution(failure.error(), failure.cause());
  }
}
