package io.stepwise.runtime.memory;

import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A standard queue on virtual time, and that time's clock: delays, visibility timeouts and a
 * dead-letter queue after {@code maxReceiveCount} deliveries behave as SQS's do, but waiting
 * costs nothing, since time jumps to the next visible message.
 */
public final class VirtualTimeQueue implements StepQueue, InstantSource {
  /** One delivery of a message; the queue holds it invisible until it is acknowledged or released. */
  public record Delivery(long id, StepMessage message, int receiveCount, String receiptId) {}

  private record Queued(long id, StepMessage message, long visibleAtMillis, int receiveCount, long order) {}

  private final PriorityQueue<Queued> queued = new PriorityQueue<>(
      Comparator.comparingLong(Queued::visibleAtMillis).thenComparingLong(Queued::order));
  private final List<StepMessage> deadLetters = new ArrayList<>();
  private final int maxReceiveCount;
  private final Duration visibilityTimeout;
  private long nowMillis;
  private long ids;
  private long order;

  public VirtualTimeQueue(Instant start, int maxReceiveCount, Duration visibilityTimeout) {
    this.nowMillis = start.toEpochMilli();
    this.maxReceiveCount = maxReceiveCount;
    this.visibilityTimeout = visibilityTimeout;
  }

  @Override
  public synchronized Instant instant() {
    return Instant.ofEpochMilli(nowMillis);
  }

  /** Moves time on, as a crashed worker's lease running out would. */
  public synchronized void advance(Duration by) {
    nowMillis += by.toMillis();
  }

  @Override
  public synchronized void send(StepMessage message, int delaySeconds) {
    if (delaySeconds < 0 || delaySeconds > 900) throw new IllegalArgumentException("DelaySeconds " + delaySeconds);
    queued.add(new Queued(++ids, message, nowMillis + delaySeconds * 1000L, 0, ++order));
  }

  /**
   * The next message, moving time on to when it becomes visible; empty when the queue is empty.
   * A message past its last delivery moves to the dead letters instead.
   */
  public synchronized Optional<Delivery> receive() {
    Queued next = queued.poll();
    if (next == null) return Optional.empty();
    nowMillis = Math.max(nowMillis, next.visibleAtMillis());
    int count = next.receiveCount() + 1;
    queued.add(new Queued(next.id(), next.message(), nowMillis + visibilityTimeout.toMillis(), count, ++order));
    return Optional.of(new Delivery(next.id(), next.message(), count, next.id() + "-" + count));
  }

  /** Deletes the delivered message. */
  public synchronized void ack(Delivery delivery) {
    queued.removeIf(q -> q.id() == delivery.id());
  }

  /**
   * Lets the message come back after the visibility timeout (a batch item failure), or parks it
   * in the dead letters when that was its last delivery.
   */
  public synchronized void release(Delivery delivery) {
    if (delivery.receiveCount() >= maxReceiveCount) {
      queued.removeIf(q -> q.id() == delivery.id());
      deadLetters.add(delivery.message());
    }
  }

  /** True when this delivery is the message's last: the next failure parks it. */
  public boolean lastDelivery(Delivery delivery) {
    return delivery.receiveCount() >= maxReceiveCount;
  }

  public synchronized List<StepMessage> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /** Loses every message, as a queue kept only in memory does when its process dies. */
  public synchronized void loseEverything() {
    queued.clear();
  }

  public synchronized boolean isEmpty() {
    return queued.isEmpty();
  }
}
