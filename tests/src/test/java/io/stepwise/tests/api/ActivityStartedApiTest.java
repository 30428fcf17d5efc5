package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ActivityStarted is written when a worker's GetActivityTask receives the task, naming the worker,
 * as AWS records it (activities/test_activities: test_activity_task, _no_worker_name), not with
 * the result; the task's token, timeout and heartbeat checks stay bound to the task across that
 * transition.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityStartedApiTest {
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-activity-started", Duration.ofSeconds(2));
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private String linkage(String execution) {
    return history(execution).stream().map(e -> e.id() + "<" + e.previousEventId() + " " + e.typeAsString())
        .collect(Collectors.joining(", "));
  }

  private List<HistoryEvent> history(String execution) {
    return sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
  }

  /** @param worker the worker's name, or null to give none */
  private GetActivityTaskResponse take(String activity, String worker) {
    for (int i = 0; i < 20; i++) {
      GetActivityTaskResponse task = sfn.getActivityTask(r -> r.activityArn(activity).workerName(worker));
      if (task.taskToken() != null) return task;
    }
    throw new AssertionError("no activity task came");
  }

  /** The history once it holds an event of {@code type}, within a few seconds. */
  private HistoryEvent awaitEvent(String execution, HistoryEventType type) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (HistoryEvent e : history(execution)) if (e.type() == type) return e;
      Thread.sleep(50);
    }
    throw new AssertionError(type + " never came: " + linkage(execution));
  }

  private String machine(String name, String activity, String fields) {
    return stack.createMachine(name, "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Task\", "
        + "\"Resource\": \"" + activity + "\"" + fields + ", \"End\": true}}}");
  }

  /** An execution whose activity task a worker took, once its ActivityStarted is written. */
  private record Taken(String execution, String token, HistoryEvent started) {}

  /** @param worker the worker's name, or null to give none */
  private Taken startAndTake(String name, String fields, String input, String worker) throws InterruptedException {
    String activity = sfn.createActivity(r -> r.name(name)).activityArn();
    String machine = machine(name, activity, fields);
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
    String token = take(activity, worker).taskToken();
    return new Taken(execution, token, awaitEvent(execution, HistoryEventType.ACTIVITY_STARTED));
  }

  @Test
  void givenAWorkerTakesTheTask_thenActivityStartedNamesItBeforeTheResult_andTheTaskStaysBoundToItsToken() throws Exception {
    Taken task = startAndTake("started-named", ", \"HeartbeatSeconds\": 30", "{\"job\": 1}", "BASE_ID_ACTIVITY_CONSUMER");
    assertEquals("BASE_ID_ACTIVITY_CONSUMER", task.started().activityStartedEventDetails().workerName());
    assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(r -> r.executionArn(task.execution())).status());
    // The token outlives the transition that wrote ActivityStarted: heartbeat, then answer.
    sfn.sendTaskHeartbeat(r -> r.taskToken(task.token()));
    sfn.sendTaskSuccess(r -> r.taskToken(task.token()).output("{\"done\": 1}"));
    DescribeExecutionResponse done = stack.await(task.execution());
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals("{\"done\":1}", done.output());
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 ActivityScheduled, 4<3 ActivityStarted, "
        + "5<4 ActivitySucceeded, 6<5 TaskStateExited, 7<6 ExecutionSucceeded", linkage(task.execution()));
  }

  @Test
  void givenAWorkerWithoutAName_thenActivityStartedHasNoName() throws Exception {
    Taken task = startAndTake("started-anonymous", "", "{}", null);
    assertEquals(null, task.started().activityStartedEventDetails().workerName());
    sfn.sendTaskFailure(r -> r.taskToken(task.token()).error("Worker.Broke").cause("gears"));
    assertEquals(ExecutionStatus.FAILED, stack.await(task.execution()).status());
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 ActivityScheduled, 4<3 ActivityStarted, "
        + "5<4 ActivityFailed, 6<5 ExecutionFailed", linkage(task.execution()));
  }

  @Test
  void givenATakenTaskWithoutHeartbeats_thenItsHeartbeatTimeoutStillFiresAfterActivityStarted() throws Exception {
    Taken task = startAndTake("started-silent", ", \"HeartbeatSeconds\": 2", "{}", "w");
    DescribeExecutionResponse done = stack.await(task.execution());
    assertEquals(ExecutionStatus.FAILED, done.status());
    assertEquals("States.Timeout", done.error()); // as AWS records a heartbeat timeout (ErrorNames.recorded)
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 ActivityScheduled, 4<3 ActivityStarted, "
        + "5<4 ActivityTimedOut, 6<5 ExecutionFailed", linkage(task.execution()));
  }

  @Test
  void givenItsActivityDeletedWhileTheTaskWaits_thenNoWorkerCanTakeIt_andTheTaskTimesOut() throws Exception {
    String activity = sfn.createActivity(r -> r.name("started-deleted")).activityArn();
    String machine = machine("started-deleted", activity, ", \"TimeoutSeconds\": 2");
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();
    awaitEvent(execution, HistoryEventType.ACTIVITY_SCHEDULED);
    sfn.deleteActivity(r -> r.activityArn(activity));
    assertThrows(ActivityDoesNotExistException.class, () -> sfn.getActivityTask(r -> r.activityArn(activity).workerName("w")));
    DescribeExecutionResponse done = stack.await(execution);
    assertEquals(ExecutionStatus.FAILED, done.status());
    assertEquals("States.Timeout", done.error());
    String types = history(execution).stream().map(HistoryEvent::typeAsString).collect(Collectors.joining(","));
    assertTrue(types.contains("ActivityScheduled,ActivityTimedOut"), types);
  }

  @Test
  void givenTheActivityDeletedBeforeTheStateRuns_thenTheExecutionFailsAtTheState_asAwsRecordsIt() {
    String activity = sfn.createActivity(r -> r.name("deleted-before")).activityArn();
    String machine = machine("deleted-before", activity, "");
    sfn.deleteActivity(r -> r.activityArn(activity));
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();
    DescribeExecutionResponse done = stack.await(execution);
    assertEquals(ExecutionStatus.FAILED, done.status());
    assertEquals("States.Runtime", done.error());
    assertEquals("An error occurred while executing the state 'Work' (entered at the event id #2). The activity "
        + activity + " does not exist.", done.cause());
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 ExecutionFailed", linkage(execution));
  }
}
