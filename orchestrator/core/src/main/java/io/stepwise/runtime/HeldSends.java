package io.stepwise.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a batch's transitions send after their commits, held and sent together when the
 * batch is done: one SendMessageBatch for up to ten transitions instead of a SendMessage each.
 * Safe for the reason a crash after a commit is: the batch's messages are acknowledged only after
 * {@link #flush}, so if it never happens they come back, find their transitions committed and
 * send the next messages again ({@link StepWorker}'s resend-if-lost and repeated reports), as a
 * failed send after a commit does without holding.
 * Thread-safe: a batch's messages are handled at once.
 */
public final class HeldSends implements StepQueue {
  private final StepQueue queue;
  private final List<Delayed> held = new ArrayList<>();

  HeldSends(StepQueue queue) {
    this.queue = queue;
  }

  @Override
  public synchronized void send(StepMessage message, int delaySeconds) {
    held.add(new Delayed(message, delaySeconds));
  }

  /**
   * Sends what is held. When the batched send fails, each message is sent on its own (a message
   * the batch did deliver then arrives twice, and the copy is dropped as stale): a failed send
   * after a commit must stay as rare as it is without holding. Throws when that fails too; then
   * none of the batch may be acknowledged.
   */
  public void flush() {
    List<Delayed> sends;
    synchronized (this) {
      sends = new ArrayList<>(held);
      held.clear();
    }
    if (sends.isEmpty()) return;
    try {
      queue.sendDelayed(sends);
    } catch (RuntimeException refused) {
      for (Delayed send : sends) queue.send(send.message(), send.delaySeconds());
    }
  }
}
