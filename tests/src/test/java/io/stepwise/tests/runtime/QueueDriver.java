package io.stepwise.tests.runtime;

import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepWorker;
import io.stepwise.runtime.faults.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A test's event source mapping, on the real queue: receives batches, runs each message through
 * the worker, deletes what is done, and makes the rest visible again at once, as a redelivery
 * after the visibility timeout would, only sooner. After an injected crash it moves the clock
 * past the dead worker's lease.
 */
final class QueueDriver {
  private final SqsClient sqs;
  private final String queueUrl;
  private final StepWorker worker;
  private final OffsetClock clock;
  private final Duration lease;
  private final boolean reverseBatches;

  QueueDriver(SqsClient sqs, String queueUrl, StepWorker worker, OffsetClock clock, Duration lease, boolean reverseBatches) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.worker = worker;
    this.clock = clock;
    this.lease = lease;
    this.reverseBatches = reverseBatches;
  }

  /** Polls until {@code done} says so or the time is up; returns how many crashes it saw. */
  int runUntil(java.util.function.BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int crashes = 0;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("executions did not finish within " + timeout);
      List<Message> batch = new ArrayList<>(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages());
      if (reverseBatches) Collections.reverse(batch);
      for (Message message : batch) {
        StepWorker.Outcome outcome;
        try {
          outcome = worker.process(StepMessage.fromJson(message.body()), message.receiptHandle());
        } catch (FaultPlan.Crash crash) {
          crashes++;
          clock.advance(lease.plusSeconds(1));
          outcome = StepWorker.Outcome.RETRY;
        } catch (ExecutionStore.ConflictException contended) {
          outcome = StepWorker.Outcome.RETRY;
        }
        if (outcome == StepWorker.Outcome.ACK) {
          sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } else {
          sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
      }
    }
    return crashes;
  }
}
