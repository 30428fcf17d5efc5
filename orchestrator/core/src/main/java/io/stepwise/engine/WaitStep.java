package io.stepwise.engine;

import io.stepwise.asl.State;
import java.time.Instant;

/** A Wait state: a timer for Seconds or until a Timestamp; a due time in the past moves on at once. */
final class WaitStep {
  private final Transition t;
  private final State.Wait wait;
  private final Flow flow;

  WaitStep(Transition t, State.Wait wait, Flow flow) {
    this.t = t;
    this.wait = wait;
    this.flow = flow;
  }

  void run() {
    Instant due = flow.waitUntil(wait, t.now());
    if (!due.isAfter(t.now())) {
      finish();
      return;
    }
    t.await(Phase.AWAIT_TIMER);
    t.command(new Command.StartTimer(due));
  }

  /** The timer is due: leave with the state's output. */
  void finish() {
    flow.exitWithInput(wait, wait.base().next());
  }
}
