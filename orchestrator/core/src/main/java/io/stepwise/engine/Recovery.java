package io.stepwise.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.Retrier;
import io.stepwise.asl.State;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.ErrorNames;
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
    String name = failError == null ? "" : failError;
    failError = ErrorNames.recorded(failError);
    // A Map or Parallel that is not retried records its failure before it is caught or ends the run.
    if (!retries(name, wildcards)) {
      if (state instanceof State.Map) t.history().add("MapStateFailed");
      else if (state instanceof State.Parallel) t.history().add("ParallelStateFailed");
    }
    List<Retrier> retriers = state.base().retry();
    List<Integer> attemptsSoFar = t.retrierAttempts();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (wildcards ? !retrier.matches(name) : !retrier.errorEquals().contains(name)) continue;
      int attempts = i < attemptsSoFar.size() ? attemptsSoFar.get(i) : 0;
      if (attempts >= retrier.maxAttempts()) break;
      List<Integer> updated = new ArrayList<>(attemptsSoFar);
      while (updated.size() <= i) updated.add(0);
      updated.set(i, attempts + 1);
      int retryCount = t.retryCount() + 1;
      t.retry(List.copyOf(updated), t.now().plusMillis(
          RetryDelay.millis(retrier, attempts, t.info().executionArn(), t.currentState(), retryCount)));
      return;
    }
    for (Catcher catcher : state.base().catchers()) {
      if (wildcards ? !catcher.matches(name) : !catcher.errorEquals().contains(name)) continue;
      t.clearCommands();
      ObjectNode errorOutput = Json.object();
      errorOutput.put("Error", failError);
      errorOutput.put("Cause", failCause);
      try {
        Transition.Caught caught = ErrorOutput.apply(t, state, catcher, errorOutput);
        t.exit(state, caught.output(), caught.assigned(), catcher.next());
      } catch (StatesError e) {
        t.failExecution(e.error(), t.locate(e.cause()));
      }
      return;
    }
    t.failExecution(failError, failCause);
  }

  /** Whether a retrier of the state takes {@code error} and has attempts left. */
  private boolean retries(String error, boolean wildcards) {
    List<Retrier> retriers = state.base().retry();
    List<Integer> attemptsSoFar = t.retrierAttempts();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (wildcards ? !retrier.matches(error) : !retrier.errorEquals().contains(error)) continue;
      return (i < attemptsSoFar.size() ? attemptsSoFar.get(i) : 0) < retrier.maxAttempts();
    }
    return false;
  }
}
