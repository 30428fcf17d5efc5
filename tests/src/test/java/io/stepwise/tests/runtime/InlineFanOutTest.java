package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.runtime.ChildLink;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.tests.LocalAws;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Map iterations and Parallel branches that only move data run inside their parent's transition,
 * with the history a durable fan-out writes; any other child still runs as an execution of its own.
 */
@ExtendWith(LocalAws.class)
class InlineFanOutTest {
  private static final String ACCOUNT_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:";
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName("inline"),
        call -> TaskOutcome.success(call.payload()), new LocalRuntime.Options(10, 5, 2, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private String run(String name, String definition, String input) {
    String arn = ACCOUNT_ARN + name;
    runtime.machines().store().put(new StateMachineStore.StateMachineRecord(arn, name, 0, definition, "role", "STANDARD"));
    return runtime.executions().start(arn, "e", input).executionArn();
  }

  private ExecutionState await(String executionArn) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      var record = runtime.store().load(executionArn);
      if (record.isPresent() && record.get().state().isDone()) return record.get().state();
      io.stepwise.runtime.Pause.millis(50);
    }
    throw new AssertionError(executionArn + " did not finish");
  }

  private List<String> history(String executionArn) {
    return runtime.store().history(executionArn, 0, 10_000).events().stream()
        .map(e -> e.id() + "<" + e.previousEventId() + " " + e.type()).toList();
  }

  /** True when the fan-out's first child was created as an execution (the parent waited at transition 1). */
  private boolean childExecutionExists(String executionArn) {
    return runtime.store().load(ChildLink.childKey(ChildLink.joinKey(executionArn, 1), 0)).isPresent();
  }

  @Test
  void pureMap_runsInTheParentsTransition_withTheIterationsHistory() {
    String execution = run("pure", """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
          "ItemProcessor": {"StartAt": "Big", "States": {
            "Big": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 1, "Next": "Keep"}], "Default": "Double"},
            "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true},
            "Keep": {"Type": "Succeed"}}},
          "End": true}}}""", "{\"items\": [1, 2]}");
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("[{\"v\": 2}, 2]"), end.output());
    assertTrue(!childExecutionExists(execution), "no iteration became an execution of its own");
    assertEquals(List.of("1<0 ExecutionStarted", "2<0 MapStateEntered", "3<2 MapStateStarted",
        "4<3 MapIterationStarted", "5<4 ChoiceStateEntered", "6<5 ChoiceStateExited", "7<6 PassStateEntered",
        "8<7 PassStateExited", "9<8 MapIterationSucceeded", "10<8 MapIterationStarted", "11<10 ChoiceStateEntered",
        "12<11 ChoiceStateExited", "13<12 SucceedStateEntered", "14<13 SucceedStateExited",
        "15<14 MapIterationSucceeded", "16<15 MapStateSucceeded", "17<15 MapStateExited", "18<17 ExecutionSucceeded"),
        history(execution));
  }

  @Test
  void pureMap_failingPastItsTolerance_runsDurably_soARedriveKeepsItsSuccesses() {
    String execution = run("failing", """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ToleratedFailureCount": 1,
          "ItemProcessor": {"StartAt": "Odd", "States": {
            "Odd": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 0, "Next": "No"}], "Default": "Yes"},
            "Yes": {"Type": "Pass", "End": true},
            "No": {"Type": "Fail", "Error": "Positive", "Cause": "item above zero"}}},
          "End": true}}}""", "[0, 1, 2, 3]");
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals("States.ExceedToleratedFailureThreshold", end.error());
    List<String> types = history(execution).stream().map(h -> h.substring(h.indexOf(' ') + 1)).toList();
    assertTrue(types.stream().filter("MapIterationFailed"::equals).count() >= 2);
    assertTrue(childExecutionExists(execution), "a failing fan-out keeps child records for a redrive");
  }

  @Test
  void largePureMap_joinsWithoutCopyingIterationEvents_resultsInOrder() {
    StringBuilder items = new StringBuilder("[0");
    for (int i = 1; i < 300; i++) items.append(',').append(i);
    String execution = run("large", """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map",
          "ItemProcessor": {"StartAt": "Double", "States": {
            "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}},
          "End": true}}}""", items.append(']').toString());
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(300, end.output().size());
    for (int i = 0; i < 300; i++) assertEquals(2 * i, end.output().get(i).get("v").asInt());
    List<HistoryEvent> events = runtime.store().history(execution, 0, 10_000).events();
    assertEquals(300, events.stream().filter(e -> e.type().equals("MapIterationSucceeded")).count());
    assertEquals(0, events.stream().filter(e -> e.type().equals("PassStateEntered")).count(), "as a durable join of 300");
  }

  @Test
  void iterationsThatCallATask_stillRunAsExecutionsOfTheirOwn() {
    String execution = run("durable", """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map",
          "ItemProcessor": {"StartAt": "Call", "States": {
            "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:echo", "End": true}}},
          "End": true}}}""", "[5, 6]");
    ExecutionState end = await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("[5, 6]"), end.output());
    assertTrue(childExecutionExists(execution), "each iteration is an execution of its own");
  }
}
