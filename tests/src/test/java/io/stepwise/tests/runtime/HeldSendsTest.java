package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.dynamodb.DynamoDbJoinStore;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.aws.sqs.SqsStepQueue;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.lambda.StepHandler;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.StepWorker;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The step handler holds the messages its batch's transitions send after their commits and sends
 * them together, on ElasticMQ and dynalite: batched, and when the batched send fails each goes on
 * its own, so the executions still end as they would have, each transition once.
 */
@ExtendWith(LocalAws.class)
class HeldSendsTest {
  private static final String MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:held";
  private static final String CHAIN = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Result": 1, "ResultPath": "$.a", "Next": "B"},
        "B": {"Type": "Wait", "Seconds": 1, "Next": "C"},
        "C": {"Type": "Pass", "Result": 3, "ResultPath": "$.c", "Next": "D"},
        "D": {"Type": "Pass", "End": true}}}""";

  /** The real queue, with its first {@code failures} batched sends refused, every batch size and single send noted. */
  private static final class RefusingBatches implements StepQueue {
    final StepQueue queue;
    int failures;
    int singleSends;
    final List<Integer> batchSizes = new ArrayList<>();

    RefusingBatches(StepQueue queue, int failures) {
      this.queue = queue;
      this.failures = failures;
    }

    @Override
    public synchronized void send(StepMessage message, int delaySeconds) {
      singleSends++;
      queue.send(message, delaySeconds);
    }

    @Override
    public synchronized void sendDelayed(List<Delayed> sends) {
      batchSizes.add(sends.size());
      if (failures-- > 0) throw new IllegalStateException("injected: SQS refused the batch");
      queue.sendDelayed(sends);
    }
  }

  @Test
  void aBatchsNextMessagesGoTogether_andWhenThatFailsEachGoesAlone_nothingLostOrRepeated(DynamoDbClient dynamo,
      SqsClient sqs) {
    String name = LocalAws.uniqueName("held");
    Table.ensureActive(dynamo, name);
    String queueUrl = sqs.createQueue(r -> r.queueName(name)).queueUrl();
    ExecutionStore store = new DynamoDbExecutionStore(dynamo, name);
    StateMachines machines = new StateMachines(new DynamoDbStateMachineStore(dynamo, name));
    machines.store().put(new StateMachineStore.StateMachineRecord(MACHINE_ARN, "held", 0, CHAIN, "role", "STANDARD"));
    RefusingBatches queue = new RefusingBatches(new SqsStepQueue(sqs, queueUrl), 2);
    OffsetClock clock = new OffsetClock();
    StepWorker worker = new StepWorker(store, new DynamoDbTokenStore(dynamo, name), new DynamoDbJoinStore(dynamo, name),
        machines, queue, TaskInvoker.NONE, new Engine(Entropy.secure()), clock, Duration.ofSeconds(2));
    StepHandler handler = new StepHandler(worker, Integer.MAX_VALUE, StepHandler.PARALLELISM);

    Executions executions = new Executions(store, machines, queue, clock);
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 4; i++) arns.add(executions.start(MACHINE_ARN, "e" + i, "{\"n\": " + i + "}").executionArn());

    int refusedBatches = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!arns.stream().allMatch(arn -> store.load(arn).orElseThrow().state().isDone())) {
      assertTrue(System.nanoTime() < deadline, () -> "executions did not finish: " + arns.stream()
          .map(arn -> store.load(arn).orElseThrow()).map(r -> r.seq() + " " + r.state().status() + " next " + r.next())
          .toList() + " batches " + queue.batchSizes);
      List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (received.isEmpty()) continue;
      SQSEvent event = new SQSEvent();
      event.setRecords(received.stream().map(HeldSendsTest::delivered).toList());
      int failuresBefore = queue.failures;
      int singlesBefore = queue.singleSends;
      Set<String> failed = handler.handleRequest(event, null).getBatchItemFailures().stream()
          .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
      if (failuresBefore > 0 && queue.failures < failuresBefore) {
        refusedBatches++;
        assertTrue(failed.isEmpty(), "the batch's messages are done: their next messages went one by one");
        assertEquals(queue.batchSizes.get(queue.batchSizes.size() - 1), queue.singleSends - singlesBefore);
      }
      for (Message message : received) {
        if (failed.contains(message.messageId())) {
          sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        } else {
          sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
      }
    }

    assertEquals(2, refusedBatches);
    assertTrue(queue.batchSizes.stream().anyMatch(size -> size > 1), "some batch sent several next messages: " + queue.batchSizes);
    List<String> expected = List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "WaitStateEntered",
        "WaitStateExited", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
        "ExecutionSucceeded");
    for (String arn : arns) {
      assertEquals(ExecutionStatus.SUCCEEDED, store.load(arn).orElseThrow().state().status(), arn);
      List<HistoryEvent> history = store.history(arn, 0, 100).events();
      assertEquals(expected, history.stream().map(HistoryEvent::type).toList(), arn);
    }
  }

  private static SQSEvent.SQSMessage delivered(Message message) {
    SQSEvent.SQSMessage delivered = new SQSEvent.SQSMessage();
    delivered.setMessageId(message.messageId());
    delivered.setReceiptHandle(message.receiptHandle());
    delivered.setBody(message.body());
    delivered.setAttributes(Map.of());
    return delivered;
  }
}
