package io.stepwise.runtime;

import io.stepwise.asl.State;
import io.stepwise.engine.Decision;
import io.stepwise.engine.Event;
import io.stepwise.engine.Phase;
import io.stepwise.eval.ErrorNames;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * Transitions an API call makes straight on the record, not through the queue: StopExecution
 * and RedriveExecution. Each is written and committed like a worker's, and read again and
 * re-applied when a worker's transition lands first.
 */
final class ApiTransitions {
  private final ExecutionStore store;
  private final Children children;
  private final Transitions transitions;
  private final InstantSource clock;
  private final Duration lease;
  private final LongConsumer pause;

  ApiTransitions(ExecutionStore store, Children children, Transitions transitions, InstantSource clock,
      Duration lease, LongConsumer pause) {
    this.store = store;
    this.children = children;
    this.transitions = transitions;
    this.clock = clock;
    this.lease = lease;
    this.pause = pause;
  }

  /** @return false when the execution had already ended */
  boolean applyNow(String executionArn, Event event) {
    return applyDirectly(executionArn, event, (record, decision) -> record.next(decision.state(), record.next())) != null;
  }

  /** @return false when the execution is not redrivable (running, or succeeded) */
  boolean redrive(String executionArn) {
    ExecutionRecord redriven = applyDirectly(executionArn, new Event.Redrive(), (record, decision) -> {
      ExecutionRecord next = record.next(decision.state(), StepMessage.advance(executionArn, record.seq() + 1));
      // A Parallel or Map that failed at its join keeps the children that succeeded.
      State stopped = transitions.machine(record).state(record.state().currentState());
      boolean fanOut = stopped instanceof State.Parallel || stopped instanceof State.Map;
      return fanOut ? next.reusing(ChildLink.joinKey(executionArn, record.seq() - 1)) : next;
    });
    if (redriven == null) return false;
    transitions.send(redriven.next());
    return true;
  }

  /**
   * @return the committed record, or null when the event changes nothing (the execution ended,
   *     or is not redrivable)
   */
  private ExecutionRecord applyDirectly(String key, Event event,
      BiFunction<ExecutionRecord, Decision, ExecutionRecord> committed) {
    for (int attempt = 0; attempt < 10; attempt++) {
      ExecutionRecord record = store.load(key)
          .orElseThrow(() -> new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + key + "'"));
      Instant now = clock.instant();
      Decision decision = transitions.step(transitions.machine(record), record.state(), event);
      // A branch's stop adds no events but ends it: the state's status tells whether anything changed.
      if (decision.events().isEmpty() && decision.state().status() == record.state().status()) return null;
      ExecutionRecord next = committed.apply(record, decision);
      try {
        if (record.state().phase() == Phase.AWAIT_CHILDREN) {
          children.stopUnfinished(record, null, ErrorNames.BRANCH_FAILED, "The execution ended");
        }
        // A redriven execution's first message goes out before the commit, so a crash cannot lose it.
        if (!next.state().isDone() && next.next() != null) transitions.send(next.next());
        store.commitTransition(next, decision.events(), "api-" + attempt + "-" + now.toEpochMilli(), now, now.plus(lease));
        transitions.reindex(record, next);
        transitions.observe(new CommittedTransition(record, next, decision.events(), now));
        return next;
      } catch (ExecutionStore.ConflictException raced) {
        pause.accept(20L * (attempt + 1));
      }
    }
    throw new ExecutionStore.ConflictException("could not apply " + event + " to " + key + ": too much contention");
  }
}
