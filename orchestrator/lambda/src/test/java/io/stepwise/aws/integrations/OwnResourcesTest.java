package io.stepwise.aws.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No Task reaches Stepwise's own table or queues, the Express queue included. */
class OwnResourcesTest {
  private final OwnResources own = OwnResources.of("stepwise-table",
      "https://sqs.us-east-1.amazonaws.com/123456789012/stack-StepQueue-A1",
      "https://sqs.us-east-1.amazonaws.com/123456789012/stack-ExpressQueue-B2");

  @Test
  void givenTheExpressQueue_whenATaskSendsToIt_thenItIsRefusedNamingTheQueue() {
    Optional<String> refused = own.refusal("sqs", Json.object()
        .put("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/stack-ExpressQueue-B2").put("MessageBody", "{}"));
    assertEquals(Optional.of("Access denied: a Task may not call SQS on Stepwise's own queue 'stack-ExpressQueue-B2'"), refused);
  }

  @Test
  void givenTheStepQueueAndTable_whenNamed_thenRefused_andOtherQueuesPass() {
    assertTrue(own.refusal("sqs", Json.object().put("QueueUrl", "https://x/123/stack-StepQueue-A1")).isPresent());
    assertTrue(own.refusal("dynamodb", Json.object().put("TableName", "stepwise-table")).isPresent());
    assertEquals(Optional.empty(), own.refusal("sqs", Json.object().put("QueueUrl", "https://x/123/orders")));
  }

  @Test
  void givenNoExpressQueue_thenOnlyTheStepQueueIsOwn() {
    OwnResources stepOnly = OwnResources.of("t", "https://x/123/q", null);
    assertEquals(Optional.empty(), stepOnly.refusal("sqs", Json.object().put("QueueUrl", "https://x/123/other")));
    assertTrue(stepOnly.refusal("sqs", Json.object().put("QueueUrl", "https://x/123/q-dlq")).isPresent());
  }
}
