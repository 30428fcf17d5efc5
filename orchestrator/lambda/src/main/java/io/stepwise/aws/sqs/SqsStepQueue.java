package io.stepwise.aws.sqs;

import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The step queue on SQS: DelaySeconds for timers; a fan-out's wave and a batch's held sends ten to a request. */
public final class SqsStepQueue implements StepQueue {
  /** SQS takes at most ten entries per SendMessageBatch . */
  static final int BATCH = 10;
  /** SendMessageBatch's payload limit, all entries together (step messages are ASCII JSON). */
  static final int BATCH_BYTES = 256 * 1024;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsStepQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(StepMessage message, int delaySeconds) {
    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(message.toJson()).delaySeconds(delaySeconds));
  }

  @Override
  public void sendAll(List<StepMessage> messages) {
    List<Delayed> sends = new ArrayList<>(messages.size());
    for (StepMessage message : messages) sends.add(new Delayed(message, 0));
    sendDelayed(sends);
  }

  /**
   * Ten to a request, and no request past SQS's 256 KiB batch payload (a message carrying its
   * record can be 60 KB). An entry SQS refuses fails the whole call, so the caller's messages
   * come back and their sends are made again.
   */
  @Override
  public void sendDelayed(List<Delayed> sends) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    int bytes = 0;
    for (Delayed send : sends) {
      String body = send.message().toJson();
      if (!entries.isEmpty() && (entries.size() == BATCH || bytes + body.length() > BATCH_BYTES)) {
        sendBatch(entries);
        entries = new ArrayList<>();
        bytes = 0;
      }
      entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size())).messageBody(body)
          .delaySeconds(send.delaySeconds()).build());
      bytes += body.length();
    }
    if (!entries.isEmpty()) sendBatch(entries);
  }

  private void sendBatch(List<SendMessageBatchRequestEntry> entries) {
    SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    if (response.hasFailed() && !response.failed().isEmpty()) {
      throw new IllegalStateException("SQS refused " + response.failed().size() + " of " + entries.size()
          + " step messages: " + response.failed().get(0).code() + " " + response.failed().get(0).message());
    }
  }
}
