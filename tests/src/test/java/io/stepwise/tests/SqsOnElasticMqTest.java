package io.stepwise.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The SQS behaviour the orchestrator's message chaining relies on, on ElasticMQ. */
@ExtendWith(LocalAws.class)
class SqsOnElasticMqTest {

  private static String createQueue(SqsClient sqs, Map<QueueAttributeName, String> attributes) {
    String name = LocalAws.uniqueName("transitions");
    return sqs.createQueue(q -> q.queueName(name).attributes(attributes)).queueUrl();
  }

  private static String arnOf(SqsClient sqs, String queueUrl) {
    return sqs.getQueueAttributes(
            a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  /** One receive; VisibilityTimeout 0 makes an undeleted message visible again at once. */
  private static List<Message> receive(SqsClient sqs, String queueUrl, int waitSeconds) {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .waitTimeSeconds(waitSeconds)
                    .visibilityTimeout(0)
                    .maxNumberOfMessages(10)
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
        .messages();
  }

  @Test
  void givenRedriveAfterTwoReceives_whenReceivedTwiceWithoutDelete_thenMessageMovesToDlq(
      SqsClient sqs) {
    String dlq = createQueue(sqs, Map.of());
    String redrive =
        "{\"deadLetterTargetArn\":\"" + arnOf(sqs, dlq) + "\",\"maxReceiveCount\":\"2\"}";
    String queue = createQueue(sqs, Map.of(QueueAttributeName.REDRIVE_POLICY, redrive));
    sqs.sendMessage(m -> m.queueUrl(queue).messageBody("poison"));

    for (int receiveCount = 1; receiveCount <= 2; receiveCount++) {
      List<Message> got = receive(sqs, queue, 1);
      assertEquals(1, got.size(), "receive #" + receiveCount);
      assertEquals(
          Integer.toString(receiveCount),
          got.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    assertEquals(List.of(), receive(sqs, queue, 0), "a third receive must not see it");
    List<Message> dead = receive(sqs, dlq, 5);
    assertEquals(List.of("poison"), bodies(dead));
  }

  @Test
  void givenDelaySecondsOne_whenLongPolling_thenNotReceivedBeforeAboutOneSecondButAfter(
      SqsClient sqs) {
    String queue = createQueue(sqs, Map.of());
    long sentAt = System.nanoTime();
    sqs.sendMessage(m -> m.queueUrl(queue).messageBody("wake-up").delaySeconds(1));

    List<Message> early = receive(sqs, queue, 0);
    Duration earlyAt = since(sentAt);
    List<Message> late = new ArrayList<>();
    // Long polling returns as soon as the message becomes visible; a few polls at most.
    for (int poll = 0; poll < 3 && late.isEmpty(); poll++) {
      late = receive(sqs, queue, 5);
    }
    Duration lateAt = since(sentAt);

    assertTrue(earlyAt.toMillis() < 900, "first poll came too late to tell: " + earlyAt);
    assertEquals(List.of(), early, "received before the delay was over, at " + earlyAt);
    assertEquals(List.of("wake-up"), bodies(late));
    // Loose bounds: timer and scheduling slack, not the delay itself, decide the margins.
    assertTrue(lateAt.toMillis() >= 900, "received after only " + lateAt);
    assertTrue(lateAt.toMillis() < 3_000, "long poll woke late: " + lateAt);
  }

  @Test
  void givenFiveReceivedMessages_whenDeletedInOneBatch_thenEachSucceedsAndQueueIsEmpty(
      SqsClient sqs) {
    String queue = createQueue(sqs, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
    sqs.sendMessageBatch(
        b ->
            b.queueUrl(queue)
                .entries(
                    IntStream.range(0, 5)
                        .mapToObj(
                            i ->
                                SendMessageBatchRequestEntry.builder()
                                    .id("m" + i)
                                    .messageBody("hop-" + i)
                                    .build())
                        .collect(Collectors.toList())));
    List<Message> received = new ArrayList<>();
    for (int poll = 0; poll < 10 && received.size() < 5; poll++) {
      received.addAll(
          sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1).maxNumberOfMessages(10))
              .messages());
    }
    assertEquals(5, received.size());

    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    for (int i = 0; i < received.size(); i++) {
      deletes.add(
          DeleteMessageBatchRequestEntry.builder()
              .id("d" + i)
              .receiptHandle(received.get(i).receiptHandle())
              .build());
    }
    DeleteMessageBatchResponse deleted =
        sqs.deleteMessageBatch(d -> d.queueUrl(queue).entries(deletes));

    assertEquals(5, deleted.successful().size());
    assertEquals(List.of(), deleted.failed());
    Map<QueueAttributeName, String> counts =
        sqs.getQueueAttributes(
                a ->
                    a.queueUrl(queue)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    assertEquals("0", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    assertEquals("0", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static List<String> bodies(List<Message> messages) {
    return messages.stream().map(Message::body).collect(Collectors.toList());
  }

  private static Duration since(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime);
  }
}
