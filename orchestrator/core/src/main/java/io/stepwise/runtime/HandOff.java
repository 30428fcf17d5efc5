package io.stepwise.runtime;

/**
 * The start of the next child of a chain, kept for the worker that just ended its predecessor to
 * make itself, in the same invocation, instead of a round trip through the queue. Safe because
 * the predecessor's message is acknowledged only after it: a crash in between brings that message
 * back, whose repeated report starts the same child again (see {@link StepWorker#process}).
 * Every other message goes to the queue.
 */
final class HandOff implements StepQueue {
  private final StepQueue queue;
  private StepMessage kept;

  HandOff(StepQueue queue) {
    this.queue = queue;
  }

  @Override
  public void send(StepMessage message, int delaySeconds) {
    boolean childStart = message.kind() == StepMessage.Kind.ADVANCE && message.seq() == 0 && delaySeconds == 0;
    if (kept == null && childStart) kept = message;
    else queue.send(message, delaySeconds);
  }

  /** The start kept, once; null when there is none. */
  StepMessage take() {
    StepMessage next = kept;
    kept = null;
    return next;
  }
}
