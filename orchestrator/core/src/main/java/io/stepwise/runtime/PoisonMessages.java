package io.stepwise.runtime;

import io.stepwise.engine.Event;
import io.stepwise.eval.ErrorNames;
import java.util.UUID;

/**
 * The last delivery of a message that could not be applied: the execution ends FAILED with
 * {@code States.Runtime} and a cause a user can act on, rather than staying RUNNING with its
 * message parked in the dead-letter queue.
 */
final class PoisonMessages {
  private final ExecutionStore store;
  private final Transitions transitions;
  private final StepQueue queue;

  PoisonMessages(ExecutionStore store, Transitions transitions, StepQueue queue) {
    this.store = store;
    this.transitions = transitions;
    this.queue = queue;
  }

  /**
   * Fails the execution, unless the message is not its current transition's (then it goes to
   * the DLQ as before, and the execution goes on without it). A message of the transition just
   * committed may be its committer: what follows the commit (the next message, an ended child's
   * report) gets one more try, and the message goes to the DLQ if that fails too, not acknowledged
   * with the execution left waiting for what never comes.
   */
  StepWorker.Outcome giveUp(StepMessage message, String receiptId, RuntimeException failure) {
    if (message.kind() == StepMessage.Kind.STOP) return StepWorker.Outcome.ACK; // its parent never moved on
    ExecutionRecord record = store.load(message.executionArn()).orElse(null);
    if (record == null) return StepWorker.Outcome.RETRY;
    if (!message.anySeq() && message.seq() == record.seq() - 1) {
      try {
        transitions.repeatAfterCommit(message, record, queue);
        return StepWorker.Outcome.ACK;
      } catch (RuntimeException again) {
        Transitions.log("could not finish after the commit of " + message.toJson(), again);
        return StepWorker.Outcome.RETRY;
      }
    }
    if (record.state().isDone()) return StepWorker.Outcome.ACK;
    if (!message.anySeq() && message.seq() != record.seq()) return StepWorker.Outcome.RETRY;
    String reference = UUID.randomUUID().toString();
    Transitions.log("giving up on " + message.toJson() + " (reference " + reference + ")", failure);
    String state = record.state().currentState() == null ? "" : " in state '" + record.state().currentState() + "'";
    transitions.make(record, receiptId, new Event.RuntimeFailed(ErrorNames.RUNTIME,
        "Stepwise could not carry out this execution's transition" + state + " on any delivery of its message "
            + "(reference " + reference + " in the orchestrator's log). Once the cause is fixed, "
            + "RedriveExecution runs the execution again from where it stopped."), message.gen());
    return StepWorker.Outcome.ACK;
  }
}
