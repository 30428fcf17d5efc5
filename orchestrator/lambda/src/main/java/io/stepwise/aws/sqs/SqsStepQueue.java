package io.stepwise.aws.sqs;

import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The step queue on SQS: one SendMessage per transition, DelaySeconds for timers. */
public final class SqsStepQueue implements StepQueue {
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
}
