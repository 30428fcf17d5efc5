package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.local.api.LocalApiServer;
import io.stepwise.tests.LocalAws;
import io.stepwise.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** StartExecution, DescribeExecution, ListExecutions, StopExecution, StartSyncExecution, through the real SfnClient. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionsApiTest {
  private static final String MISSING_MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:missing";
  private static final String ECHO_THEN_PASS = """
      {"StartAt": "Call", "States": {
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "echo", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Done"},
        "Done": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true}}}""";
  private static final String WAIT_LONG = "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 600, \"End\": true}}}";
  private static final String FAIL = "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"Nope\", \"Cause\": \"on purpose\"}}}";
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-executions");
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @Test
  void givenMachine_whenStartedAndPolled_thenSucceededWithOutputAndDates() {
    String machine = stack.createMachine("echo", ECHO_THEN_PASS);
    StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(machine).name("run-1").input("{\"n\": 21}"));
    assertEquals("arn:aws:states:us-east-1:000000000000:execution:echo:run-1", started.executionArn());
    DescribeExecutionResponse done = stack.await(started.executionArn());
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals("{\"doubled\":42}", done.output());
    assertEquals("{\"n\":21}", done.input());
    assertEquals("run-1", done.name());
    assertEquals(machine, done.stateMachineArn());
    assertEquals(started.startDate(), done.startDate());
    assertNotNull(done.stopDate());
    assertTrue(!done.stopDate().isBefore(done.startDate()), done.toString());
    assertTrue(done.inputDetails().included());
  }

  @Test
  void givenRunningExecution_whenStartedAgain_thenSameInputIsIdempotentAndOtherInputAlreadyExists() {
    String machine = stack.createMachine("idempotent", WAIT_LONG);
    StartExecutionResponse first = sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\": 1}"));
    StartExecutionResponse again = sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\": 1}"));
    // The modelled fields, not the whole responses: those carry HTTP headers such as Date.
    assertEquals(first.executionArn(), again.executionArn());
    assertEquals(first.startDate(), again.startDate());
    ExecutionAlreadyExistsException e = assertThrows(ExecutionAlreadyExistsException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\": 2}")));
    assertTrue(e.getMessage().contains(first.executionArn()), e.getMessage());
    sfn.stopExecution(r -> r.executionArn(first.executionArn()));
  }

  @Test
  void givenBadStarts_whenSent_thenTheModelledExceptions() {
    String machine = stack.createMachine("strict", WAIT_LONG);
    assertThrows(StateMachineDoesNotExistException.class, () -> sfn.startExecution(r -> r.stateMachineArn(MISSING_MACHINE)));
    assertThrows(InvalidExecutionInputException.class, () -> sfn.startExecution(r -> r.stateMachineArn(machine).input("{nope")));
    assertThrows(InvalidNameException.class, () -> sfn.startExecution(r -> r.stateMachineArn(machine).name("a/b")));
    assertThrows(InvalidArnException.class, () -> sfn.startExecution(r -> r.stateMachineArn("arn:aws:states:nope")));
    String missing = "arn:aws:states:us-east-1:000000000000:execution:strict:missing";
    assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(r -> r.executionArn(missing)));
    assertThrows(ExecutionDoesNotExistException.class, () -> sfn.stopExecution(r -> r.executionArn(missing)));
    assertThrows(ExecutionDoesNotExistException.class, () -> sfn.getExecutionHistory(r -> r.executionArn(missing)));
    assertThrows(StateMachineDoesNotExistException.class, () -> sfn.listExecutions(r -> r.stateMachineArn(MISSING_MACHINE)));
  }

  @Test
  void givenWaitingExecution_whenStopped_thenAbortedWithErrorCauseAndStopDate() {
    String machine = stack.createMachine("stoppable", WAIT_LONG);
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    stack.awaitStarted(execution);
    StopExecutionResponse stopped = sfn.stopExecution(r -> r.executionArn(execution).error("Operator").cause("not needed"));
    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(execution));
    assertEquals(ExecutionStatus.ABORTED, described.status());
    assertEquals("Operator", described.error());
    assertEquals("not needed", described.cause());
    assertEquals(stopped.stopDate(), described.stopDate());
    assertNull(described.output());
    assertEquals(stopped.stopDate(), sfn.stopExecution(r -> r.executionArn(execution)).stopDate()); // ended already
  }

  @Test
  void givenTaskWaitingForItsToken_whenTheWorkerCallsBackThroughTheSdk_thenTheExecutionGoesOn() {
    String machine = stack.createMachine("callback", """
        {"StartAt": "Ask", "States": {
          "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters": {"FunctionName": "worker", "Payload": {"token.$": "$$.Task.Token"}}, "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}}}""");
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    stack.awaitStarted(execution);
    // The worker's view: the token arrives in the payload the Task sent (here read from the history).
    String parameters = sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
        .filter(e -> e.taskScheduledEventDetails() != null).findFirst().orElseThrow()
        .taskScheduledEventDetails().parameters();
    String token = Json.parse(parameters).path("Payload").path("token").asText();
    assertThrows(InvalidTokenException.class, () -> sfn.sendTaskSuccess(r -> r.taskToken("no good!").output("{}")));
    sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"answer\": 42}"));
    DescribeExecutionResponse done = stack.await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals("{\"answer\":42}", done.output());
    assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskFailure(r -> r.taskToken(token).error("E")));
  }

  @Test
  void givenFailedExecution_whenRedriven_thenItRunsAgainFromTheFailedState_andASucceededOneIsNotRedrivable() {
    // Fails while $$.Execution.RedriveCount is 0 (an index of -1), succeeds once redriven.
    String machine = stack.createMachine("redrivable", """
        {"StartAt": "Before", "States": {
          "Before": {"Type": "Pass", "Result": {"before": true}, "Next": "Fragile"},
          "Fragile": {"Type": "Pass", "Parameters": {"picked.$":
            "States.ArrayGetItem(States.Array('ok'), States.MathAdd($$.Execution.RedriveCount, -1))"}, "End": true}}}""");
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    assertEquals(ExecutionStatus.FAILED, stack.await(execution).status());
    assertEquals("REDRIVABLE", sfn.describeExecution(r -> r.executionArn(execution)).redriveStatusAsString());

    sfn.redriveExecution(r -> r.executionArn(execution));
    DescribeExecutionResponse redriven = stack.await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, redriven.status());
    assertEquals("{\"picked\":\"ok\"}", redriven.output());
    assertEquals(1, redriven.redriveCount());
    var types = sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream().map(e -> e.typeAsString()).toList();
    assertEquals(3, types.stream().filter("PassStateEntered"::equals).count(), "Before ran once, Fragile twice");
    assertTrue(types.contains("ExecutionRedriven"));
    assertThrows(ExecutionNotRedrivableException.class, () -> sfn.redriveExecution(r -> r.executionArn(execution)));
  }

  @Test
  void givenExecutionsOfEveryKind_whenListed_thenFilteredNewestFirstAndPagedWithoutGaps() {
    String machine = stack.createMachine("listed", "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\","
        + " \"Choices\": [{\"Variable\": \"$.wait\", \"BooleanEquals\": true, \"Next\": \"W\"}], \"Default\": \"P\"},"
        + " \"W\": {\"Type\": \"Wait\", \"Seconds\": 600, \"End\": true}, \"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      boolean wait = i % 3 == 0; // 0, 3, 6 wait
      int n = i;
      started.add(sfn.startExecution(r -> r.stateMachineArn(machine).name("e" + n).input("{\"wait\": " + wait + "}")).executionArn());
      ApiStack.sleep(5); // distinct start milliseconds: the list is by start time
    }
    for (int i = 0; i < 7; i++) {
      if (i % 3 != 0) stack.await(started.get(i));
      else stack.awaitStarted(started.get(i));
    }
    List<String> all = sfn.listExecutionsPaginator(r -> r.stateMachineArn(machine).maxResults(2)).executions().stream()
        .map(ExecutionListItem::name).toList();
    assertEquals(List.of("e6", "e5", "e4", "e3", "e2", "e1", "e0"), all);
    List<ExecutionListItem> running = sfn.listExecutions(r -> r.stateMachineArn(machine)
        .statusFilter(ExecutionStatus.RUNNING)).executions();
    assertEquals(List.of("e6", "e3", "e0"), running.stream().map(ExecutionListItem::name).toList());
    assertEquals(started.get(6), running.get(0).executionArn());
    assertEquals(ExecutionStatus.RUNNING, running.get(0).status());
    assertEquals(machine, running.get(0).stateMachineArn());
    assertNotNull(running.get(0).startDate());
    var firstPage = sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED).maxResults(3));
    assertEquals(List.of("e5", "e4", "e2"), firstPage.executions().stream().map(ExecutionListItem::name).toList());
    var lastPage = sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED)
        .maxResults(3).nextToken(firstPage.nextToken()));
    assertEquals(List.of("e1"), lastPage.executions().stream().map(ExecutionListItem::name).toList());
    assertNull(lastPage.nextToken());
    assertTrue(sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED)).executions().isEmpty());
    for (int i = 0; i < 7; i += 3) {
      String arn = started.get(i);
      sfn.stopExecution(r -> r.executionArn(arn));
    }
  }

  @Test
  void givenShortMachines_whenStartedSync_thenTheEndComesBackInTheResponse() {
    String ok = stack.createMachine("sync-ok", ECHO_THEN_PASS);
    StartSyncExecutionResponse succeeded = sfn.startSyncExecution(r -> r.stateMachineArn(ok).input("{\"n\": 2}"));
    assertEquals(SyncExecutionStatus.SUCCEEDED, succeeded.status());
    assertEquals("{\"doubled\":4}", succeeded.output());
    assertEquals(ok, succeeded.stateMachineArn());
    assertNotNull(succeeded.stopDate());
    String failing = stack.createMachine("sync-fail", FAIL);
    StartSyncExecutionResponse failed = sfn.startSyncExecution(r -> r.stateMachineArn(failing));
    assertEquals(SyncExecutionStatus.FAILED, failed.status());
    assertEquals("Nope", failed.error());
    assertEquals("on purpose", failed.cause());
    assertNull(failed.output());
  }

  @Test
  void givenLongMachine_whenStartedSyncPastTheBound_thenTimedOutAndEnded() {
    String slow = stack.createMachine("sync-slow", WAIT_LONG);
    try (LocalApiServer impatient = stack.secondServer(Duration.ofMillis(300));
        SfnClient client = ApiStack.client(impatient.endpoint())) {
      StartSyncExecutionResponse response = client.startSyncExecution(r -> r.stateMachineArn(slow));
      assertEquals(SyncExecutionStatus.TIMED_OUT, response.status());
      assertEquals("States.Timeout", response.error());
      DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(response.executionArn()));
      assertEquals(ExecutionStatus.TIMED_OUT, described.status());
      // DescribeExecution gives a timed-out execution no error or cause (AWS's test_global_timeout recording).
      assertNull(described.error());
      assertNull(described.cause());
    }
  }

  @Test
  void givenUpdatedMachine_whenDescribedForAnExecution_thenTheVersionItRuns() {
    String machine = stack.createMachine("versioned", WAIT_LONG);
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(FAIL));
    var described = sfn.describeStateMachineForExecution(r -> r.executionArn(execution));
    assertEquals(WAIT_LONG, described.definition());
    assertEquals("1", described.revisionId());
    assertEquals(machine, described.stateMachineArn());
    assertNotNull(described.updateDate());
    sfn.stopExecution(r -> r.executionArn(execution));
  }
}
