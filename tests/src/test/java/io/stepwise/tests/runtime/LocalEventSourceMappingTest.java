package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.stepwise.local.runtime.LocalEventSourceMapping;
import io.stepwise.runtime.Pause;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local event source mapping's batching window, as MaximumBatchingWindowInSeconds has Lambda's, on ElasticMQ. */
@ExtendWith(LocalAws.class)
class LocalEventSourceMappingTest {
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();

  private SQSBatchResponse record(SQSEvent event) {
    batches.add(event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
    return new SQSBatchResponse(List.of());
  }

  private static int attribute(SqsClient sqs, String queue, QueueAttributeName name) {
    return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(name)).attributes().get(name));
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
      Pause.millis(20);
    }
  }

  @Test
  void givenABatchingWindow_whenMessagesArriveOneAfterAnother_thenOneInvocationAndOneDeleteTakeThemAll(SqsClient sqs) {
    String queue = sqs.createQueue(r -> r.queueName(LocalAws.uniqueName("window"))).queueUrl();
    try (LocalEventSourceMapping mapping = new LocalEventSourceMapping(sqs, queue, this::record, 3, Duration.ofSeconds(60), 1)) {
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("first"));
      // Received and held by the mapping (in flight), while the window stays open for more
      await("the first message in flight", () -> attribute(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) == 1);
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("second"));
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("third"));

      await("the full batch", () -> !batches.isEmpty());
      assertEquals(List.of(List.of("first", "second", "third")), batches, "the batch filled before the window closed");
      await("the batch deleted", () -> attribute(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) == 0
          && attribute(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) == 0);
      assertEquals(1, mapping.stats().invocations());
    }
  }

  @Test
  void givenABatchingWindow_whenTooFewMessagesCome_thenTheWindowsEndHandsOverWhatCame(SqsClient sqs) {
    String queue = sqs.createQueue(r -> r.queueName(LocalAws.uniqueName("window"))).queueUrl();
    try (LocalEventSourceMapping mapping = new LocalEventSourceMapping(sqs, queue, this::record, 10, Duration.ofSeconds(1), 1)) {
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("alone"));
      await("the window's end", () -> !batches.isEmpty());
      assertEquals(List.of(List.of("alone")), batches);
    }
  }
}
