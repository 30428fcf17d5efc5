package io.stepwise.aws.sqs;

import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The step queue on SQS: one SendMessage per transition, DelaySeconds for timers; a fan-out's wave ten to a request. */
public final class SqsStepQueue implements StepQueue {
  /** SQS takes at most ten entries per SendMessageBatch (step messages are far below its 256 KiB). */
  static final int BATCH = 10;

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

  /** An entry SQS refuses fails the whole call, so the caller's message comes back and sends them all again. */
  @Override
  public void sendAll(List<StepMessage> messages) {
    for (int from = 0; from < messages.size(); from += BATCH) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(messages.size(), from + BATCH); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(messages.get(i).toJson()).build());
      }
      SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
      if (response.hasFailed() && !response.failed().isEmpty()) {
        throw new IllegalStateException("SQS refused " + response.failed().size() + " of a fan-out's starts: "
            + response.failed().get(0).code() + " " + response.failed().get(0).message());
      }
    }
  }
}
