package io.stepwise.local.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does, on this machine: long-poll the queue in batches,
 * hand each batch to the handler as an {@link SQSEvent}, delete what succeeded, and leave the
 * reported failures to come back after the visibility timeout (ReportBatchItemFailures). With a
 * batching window (MaximumBatchingWindowInSeconds), it keeps receiving until the batch is full or
 * the window, counted from the first message, has passed: fewer, fuller invocations and deletes.
 */
public final class LocalEventSourceMapping implements AutoCloseable {
  private final SqsClient sqs;
  private final String queueUrl;
  private final Function<SQSEvent, SQSBatchResponse> handler;
  private final int batchSize;
  private final Duration batchWindow;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong handlerNanos = new AtomicLong();
  private final List<Thread> pollers = new ArrayList<>();

  public LocalEventSourceMapping(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler,
      int batchSize, int concurrency) {
    this(sqs, queueUrl, handler, batchSize, Duration.ZERO, concurrency);
  }

  public LocalEventSourceMapping(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler,
      int batchSize, Duration batchWindow, int concurrency) {
    this.sqs = sqs;
    this.batchWindow = batchWindow;
    this.queueUrl = queueUrl;
    this.handler = handler;
    this.batchSize = batchSize;
    for (int i = 0; i < concurrency; i++) {
      Thread poller = new Thread(this::poll, "stepwise-esm-" + i);
      poller.setDaemon(true);
      pollers.add(poller);
      poller.start();
    }
  }

  private void poll() {
    while (running.get()) {
      try {
        List<Message> messages = new ArrayList<>(receive(batchSize, 1));
        if (messages.isEmpty() || !running.get()) continue;
        long windowEnds = System.nanoTime() + batchWindow.toNanos();
        for (long left; messages.size() < batchSize && (left = windowEnds - System.nanoTime()) > 0 && running.get(); ) {
          // ReceiveMessage waits 1 to 20 whole seconds here (0 would spin); it answers as soon as any message comes
          messages.addAll(receive(batchSize - messages.size(), (int) Math.min(20, Math.max(1, left / 1_000_000_000L))));
        }
        deliver(messages);
      } catch (RuntimeException e) {
        if (running.get()) pause();
      }
    }
  }

  private List<Message> receive(int max, int waitSeconds) {
    return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
        .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
  }

  /** One invocation of the handler with a batch, then the deletes ESM would do. */
  private void deliver(List<Message> messages) {
    SQSEvent event = new SQSEvent();
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(m.messageId());
      record.setReceiptHandle(m.receiptHandle());
      record.setBody(m.body());
      record.setEventSource("aws:sqs");
      record.setAttributes(m.attributesAsStrings());
      records.add(record);
    }
    event.setRecords(records);
    Set<String> failed = new HashSet<>();
    long started = System.nanoTime();
    try {
      SQSBatchResponse response = handler.apply(event);
      invocations.incrementAndGet();
      this.messages.addAndGet(messages.size());
      handlerNanos.addAndGet(System.nanoTime() - started);
      if (response != null && response.getBatchItemFailures() != null) {
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
      }
    } catch (RuntimeException e) {
      return; // the whole batch failed: every message comes back
    }
    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    for (Message m : messages) {
      if (!failed.contains(m.messageId())) {
        deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size())).receiptHandle(m.receiptHandle()).build());
      }
    }
    if (!deletes.isEmpty()) sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
  }

  /** Handler invocations, messages handed over, and time spent in the handler so far. */
  public record Stats(long invocations, long messages, long handlerNanos) {}

  public Stats stats() {
    return new Stats(invocations.get(), messages.get(), handlerNanos.get());
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    for (Thread poller : pollers) {
      try {
        poller.join(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
