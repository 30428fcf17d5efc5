package io.stepwise.engine;

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

  /**
   * Routes an event to the state waiting in {@code phase} for it: a task's outcome, a timer, the
   * children's end. False when the event is not what the state waits for (stale or duplicate).
   */
  boolean resume(Phase phase, Event event) {
    switch (phase) {
      case AWAIT_TASK, AWAIT_OUTCOME -> {
        TaskStep task = new TaskStep(t, (State.Task) state, flow);
        boolean started = phase == Phase.AWAIT_OUTCOME;
        if (event instanceof Event.TaskSucceeded ok) task.succeeded(ok.result(), started);
        else if (event instanceof Event.TaskFailed failed) task.failed(failed.error(), failed.cause(), started);
        else if (event instanceof Event.TaskSubmitted sent && !started) task.submitted(sent.response());
        else if (event instanceof Event.ActivityStarted taken && !started) task.activityStarted(taken.workerName());
        else return false;
      }
      case AWAIT_TIMER -> {
        if (!(event instanceof Event.TimerFired)) return false;
        new WaitStep(t, (State.Wait) state, flow).finish();
      }
      case AWAIT_RETRY -> {
        if (!(event instanceof Event.TimerFired)) return false;
        run();
      }
      case AWAIT_CHILDREN -> {
        if (event instanceof Event.TaskFailed failed) {
          // The runtime could not read the items or write the results: the Map Run fails first.
          if (state instanceof State.Map map && map.distributed()) DistributedMap.failRun(t, state, failed.error(), failed.cause());
          else t.fail(state, failed.error(), failed.cause());
          return true;
        }
        if (!(event instanceof Event.ChildrenFinished done)) return false;
        new FanOut(t, state, flow).finished(done);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void fail(State.Fail fail) {
    Flow.Failure failure = flow.failure(fail);
    t.failExecution(failure.error(), failure.cause());
  }
}
