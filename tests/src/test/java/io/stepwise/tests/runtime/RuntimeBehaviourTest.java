package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StepMessage;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** StartExecution, StopExecution, timeouts, limits and poison messages, through the real handler. */
@ExtendWith(LocalAws.class)
class RuntimeBehaviourTest {
  private static final String ACCOUNT_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:";
  private LocalRuntime local;
  private Runtime runtime;
  private SqsClient sqs;

  private final TaskInvoker echo = call -> TaskOutcome.success(Json.object().set("Payload", call.payload().path("Payload")));

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    this.sqs = sqs;
    local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName("behaviour"), echo, new LocalRuntime.Options(1, 2, 2, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private String machine(String name, String definition) {
    String arn = ACCOUNT_ARN + name;
    runtime.machines().store().put(new StateMachineStore.StateMachineRecord(arn, name, 0, definition, "role", "STANDARD"));
    return arn;
  }

  private ExecutionState await(String executionArn) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      var record = runtime.store().load(executionArn);
      if (record.isPresent() && record.get().state().isDone()) return record.get().state();
      sleep(50);
    }
    throw new AssertionError(executionArn + " did not finish");
  }

  @Test
  void taskWaitChoice_runToSuccess_withStepFunctionsHistory() {
    String arn = machine("happy", """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "echo", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Nap"},
          "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Check"},
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 7, "Next": "Yes"}], "Default": "No"},
          "Yes": {"Type": "Pass", "Result": "seven", "End": true},
          "No": {"Type": "Fail", "Error": "NotSeven"}}}""");
    String execution = runtime.executions().start(arn, "e1", "{\"n\": 7}").executionArn();
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.text("seven"), end.output());
    List<String> types = runtime.store().history(execution, 0, 1000).events().stream().map(HistoryEvent::type).toList();
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
        "TaskStateExited", "WaitStateEntered", "WaitStateExited", "ChoiceStateEntered", "ChoiceStateExited",
        "PassStateEntered", "PassStateExited", "ExecutionSucceeded"), types);
  }

  @Test
  void startExecution_sameNameAndInputWhileRunning_isIdempotent_otherwiseAlreadyExists() {
    String arn = machine("idem", "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 2, \"End\": true}}}");
    var first = runtime.executions().start(arn, "same", "{\"a\": 1}");
    var again = runtime.executions().start(arn, "same", "{\"a\": 1}");
    assertEquals(first, again);
    ApiException differentInput = assertThrows(ApiException.class, () -> runtime.executions().start(arn, "same", "{\"a\": 2}"));
    assertEquals("ExecutionAlreadyExists", differentInput.code());
    await(first.executionArn());
    ApiException afterEnd = assertThrows(ApiException.class, () -> runtime.executions().start(arn, "same", "{\"a\": 1}"));
    assertEquals("ExecutionAlreadyExists", afterEnd.code());
  }

  @Test
  void stopExecution_abortsAWaitingExecution() {
    String arn = machine("stoppable", "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 600, \"End\": true}}}");
    String execution = runtime.executions().start(arn, "s1", "{}").executionArn();
    long deadline = System.currentTimeMillis() + 10_000;
    while (runtime.store().load(execution).orElseThrow().seq() < 1 && System.currentTimeMillis() < deadline) sleep(20);
    assertTrue(runtime.worker().applyNow(execution, new Event.Stop("Operator", "no longer needed")));
    ExecutionState end = runtime.store().load(execution).orElseThrow().state();
    assertEquals(ExecutionStatus.ABORTED, end.status());
    assertEquals("Operator", end.error());
    List<HistoryEvent> history = runtime.store().history(execution, 0, 100).events();
    assertEquals("ExecutionAborted", history.get(history.size() - 1).type());
  }

  @Test
  void machineTimeoutSeconds_endsTheExecutionTimedOut() {
    String arn = machine("slow", """
        {"StartAt": "W", "TimeoutSeconds": 1, "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}""");
    ExecutionState end = await(runtime.executions().start(arn, "t1", "{}").executionArn());
    assertEquals(ExecutionStatus.TIMED_OUT, end.status());
    assertEquals("States.Timeout", end.error());
  }

  @Test
  void stateOutputOver256KiB_failsWithDataLimitExceeded() {
    String arn = machine("big", """
        {"StartAt": "Grow", "States": {"Grow": {"Type": "Pass",
          "Parameters": {"a.$": "$.s", "b.$": "$.s", "c.$": "$.s"}, "End": true}}}""");
    String input = "{\"s\": \"" + "x".repeat(100_000) + "\"}";
    ExecutionState end = await(runtime.executions().start(arn, "big1", input).executionArn());
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.DataLimitExceeded", end.error());
    ApiException tooBig = assertThrows(ApiException.class,
        () -> runtime.executions().start(arn, "big2", "{\"s\": \"" + "x".repeat(300_000) + "\"}"));
    assertEquals("InvalidExecutionInput", tooBig.code());
  }

  @Test
  void redrivenMap_runsAgainOnlyTheIterationsThatFailed() {
    // Items over 2 fail until the execution is redriven; each result says in which run it was made.
    String arn = machine("redrive-map", """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 2, "End": true,
          "ItemProcessor": {"StartAt": "Check", "States": {
            "Check": {"Type": "Choice", "Default": "Ok", "Choices": [{"And": [
                {"Variable": "$", "NumericGreaterThan": 2},
                {"Variable": "$$.Execution.RedriveCount", "NumericEquals": 0}], "Next": "Boom"}]},
            "Boom": {"Type": "Fail", "Error": "Item.Failed"},
            "Ok": {"Type": "Pass", "Parameters": {"v.$": "$", "run.$": "$$.Execution.RedriveCount"}, "End": true}}}}}}""");
    String execution = runtime.executions().start(arn, "r1", "[1, 2, 3, 4]").executionArn();
    ExecutionState failed = await(execution);
    assertEquals(ExecutionStatus.FAILED, failed.status());
    assertEquals("Item.Failed", failed.error());

    assertTrue(runtime.worker().redrive(execution));
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("[{\"v\":1,\"run\":0},{\"v\":2,\"run\":0},{\"v\":3,\"run\":1},{\"v\":4,\"run\":1}]"), end.output());
    assertEquals(1, end.info().redriveCount());
  }

  @Test
  void poisonMessage_isParkedInTheDeadLetterQueue_notLoopedForever() {
    sqs.sendMessage(r -> r.queueUrl(local.queueUrl()).messageBody("{\"not\": \"a step\"}"));
    long deadline = System.currentTimeMillis() + 20_000;
    int parked = 0;
    while (parked == 0 && System.currentTimeMillis() < deadline) {
      parked = Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(local.deadLetterQueueUrl())
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      sleep(200);
    }
    assertEquals(1, parked);
  }

  @Test
  void earlyTimerMessage_hopsOnWithoutATransition() {
    String arn = machine("hop", "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 3600, \"End\": true}}}");
    String execution = runtime.executions().start(arn, "h1", "{}").executionArn();
    long deadline = System.currentTimeMillis() + 10_000;
    while (runtime.store().load(execution).orElseThrow().seq() < 1 && System.currentTimeMillis() < deadline) sleep(20);
    long seq = runtime.store().load(execution).orElseThrow().seq();
    StepMessage early = new StepMessage(execution, seq, StepMessage.Kind.TIMER, System.currentTimeMillis() + 3_000_000, null, null, null);
    assertEquals(io.stepwise.runtime.StepWorker.Outcome.ACK, runtime.worker().process(early, "test-receipt"));
    assertEquals(seq, runtime.store().load(execution).orElseThrow().seq(), "no transition before the timer is due");
    String delayed = sqs.getQueueAttributes(r -> r.queueUrl(local.queueUrl())
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    assertEquals("2", delayed, "the Wait's own 900 s hop and the re-sent early one");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
