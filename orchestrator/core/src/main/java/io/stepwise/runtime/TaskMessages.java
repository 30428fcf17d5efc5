package io.stepwise.runtime;

import io.stepwise.engine.Event;
import io.stepwise.engine.Phase;
import java.time.Instant;

/**
 * The admission of messages bound to a task token (callbacks, timeouts, heartbeat checks,
 * ActivityStarted): they apply while the execution waits on that token, whatever the seq it
 * reached meanwhile. An activity task makes a transition of its own while it waits: a worker's
 * GetActivityTask takes it (ActivityStarted), so its answer is for the transition after that
 * one ({@link TokenStore.TaskToken#answerSeq}), and a timeout bound to it before is sent on.
 */
final class TaskMessages {
  private final TokenStore tokens;
  private final Transitions transitions;

  TaskMessages(TokenStore tokens, Transitions transitions) {
    this.tokens = tokens;
    this.transitions = transitions;
  }

  /**
   * An activity task's answer or timeout that overtook the message of the worker taking it (SQS
   * keeps no order): ActivityStarted is written first, in its own transition, as it happened;
   * then the message is admitted afresh. False when the task was not taken, or is written already.
   */
  boolean writesStartedFirst(StepMessage message, ExecutionRecord record, String receiptId, StepQueue starts) {
    if (!behindItsTask(message, record) || record.state().phase() != Phase.AWAIT_TASK) return false;
    String worker = tokens.get(message.token()).map(TokenStore.TaskToken::worker).orElse(null);
    if (worker == null) return false;
    transitions.make(record, receiptId, new Event.ActivityStarted(worker.isEmpty() ? null : worker), starts, false,
        message.gen());
    return true;
  }

  /**
   * A task's message (not ActivityStarted's own) for a seq the record passed while it still waits
   * on that task: the only transition made there is ActivityStarted.
   */
  static boolean behindItsTask(StepMessage message, ExecutionRecord record) {
    return message.kind() != StepMessage.Kind.ACTIVITY_STARTED && waitsOn(message.token(), record);
  }

  /** Whether the record still waits on the task the token names (it keeps the token once it moved on). */
  private static boolean waitsOn(String token, ExecutionRecord record) {
    Phase phase = record.state().phase();
    return token != null && token.equals(record.state().taskToken())
        && (phase == Phase.AWAIT_TASK || phase == Phase.AWAIT_OUTCOME);
  }

  /**
   * Callbacks and heartbeat checks concern one task token: they apply only while the execution
   * waits on that token, and a heartbeat check only once the heartbeats have stopped.
   */
  boolean forTheWaitingTask(StepMessage message, ExecutionRecord record, Instant now) {
    if (message.token() == null) return true;
    if (!message.token().equals(record.state().taskToken())) return false;
    // A copy of ActivityStarted once it is written (or the outcome came first) changes nothing.
    if (message.kind() == StepMessage.Kind.ACTIVITY_STARTED) return record.state().phase() == Phase.AWAIT_TASK;
    if (message.kind() != StepMessage.Kind.HEARTBEAT_CHECK) return true;
    TokenStore.TaskToken token = tokens.get(message.token()).orElse(null);
    if (token == null || token.closed()) return false;
    long due = token.lastHeartbeatMillis() + token.heartbeatSeconds() * 1000L;
    if (due > now.toEpochMilli()) {
      transitions.send(message.dueAt(due)); // a heartbeat came since: check again when it runs out
      return false;
    }
    return true;
  }
}
