package io.stepwise.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.Retrier;
import io.stepwise.asl.State;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * An error in the current state: retried by the first matching Retrier with attempts left,
 * else caught by the first matching Catcher, else failing the execution. Only Task, Parallel and
 * Map states have Retry and Catch.
 */
final class Recovery {
  private final Transition t;
  private final State state;

  Recovery(Transition t, State state) {
    this.t = t;
    this.state = state;
  }

  /** Without {@code wildcards} only an ErrorEquals naming the error matches (not States.ALL). */
  void fail(String failError, String failCause, boolean wildcards) {
    fail(failError, failCause, failCause, wildcards);
  }

  /**
   * A task past its TimeoutSeconds: no cause in its events nor in the execution's failure, but an empty one
   * in the error output a Catcher sees (AWS-recorded test_task_service_lambda::test_invoke_timeout).
   */
  void timedOut(String failError) {
    fail(failError, null, "", true);
  }

  private void fail(String failError, String failCause, String outputCause, boolean wildcards) {
    String name = failError == null ? "" : failError;
    failError = ErrorNames.recorded(failError);
    int retrier = retrierWithAttemptsLeft(name, wildcards);
    if (retrier >= 0) {
      retry(retrier);
      return;
    }
    // A Map or Parallel that is not retried records its failure before it is caught or ends the run.
    long beforeFailed = t.history().cursor();
    addStateFailed();
    for (Catcher catcher : state.base().catchers()) {
      if (!catcher.matches(name, wildcards)) continue;
      t.clearCommands();
      ObjectNode errorOutput = Json.object();
      errorOutput.put("Error", failError);
      errorOutput.put("Cause", outputCause);
      try {
        Transition.Caught caught = ErrorOutput.apply(t, state, catcher, errorOutput);
        t.exit(state, caught.output(), caught.assigned(), catcher.next());
      } catch (StatesError e) {
        String located = t.locate(e.cause());
        if (e.error().equals(ErrorNames.QUERY_EVALUATION_ERROR)) catcherFailed(beforeFailed, e.error(), located);
        t.failExecution(e.error(), located);
      }
      return;
    }
    t.failExecution(failError, failCause);
  }

  private void addStateFailed() {
    if (state instanceof State.Map) t.history().add("MapStateFailed");
    else if (state instanceof State.Parallel) t.history().add("ParallelStateFailed");
  }

  /**
   * A catcher's own JSONata failing: its EvaluationFailed links to where the state stood before its
   * first failed event, and the state fails a second time (floci-io/floci
   * AslExecutorBranchHistoryEventsTest, read off AWS in us-east-1 for floci-io/floci#2868).
   */
  private void catcherFailed(long beforeFailed, String error, String cause) {
    t.history().moveCursor(beforeFailed);
    t.history().evaluationFailed(state.name(), error, cause, false);
    addStateFailed();
  }

  /** The first retrier that takes {@code error}, if it has attempts left; else -1. */
  private int retrierWithAttemptsLeft(String error, boolean wildcards) {
    List<Retrier> retriers = state.base().retry();
    for (int i = 0; i < retriers.size(); i++) {
      if (!retriers.get(i).matches(error, wildcards)) continue;
      return attempts(i) < retriers.get(i).maxAttempts() ? i : -1;
    }
    return -1;
  }

  private void retry(int i) {
    Retrier retrier = state.base().retry().get(i);
    int attempts = attempts(i);
    List<Integer> updated = new ArrayList<>(t.retrierAttempts());
    while (updated.size() <= i) updated.add(0);
    updated.set(i, attempts + 1);
    int retryCount = t.retryCount() + 1;
    t.retry(List.copyOf(updated), t.now().plusMillis(
        RetryDelay.millis(retrier, attempts, t.info().executionArn(), t.currentState(), retryCount)));
  }

  private int attempts(int retrier) {
    List<Integer> attemptsSoFar = t.retrierAttempts();
    return retrier < attemptsSoFar.size() ? attemptsSoFar.get(retrier) : 0;
  }
}
