package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Activities, tags, Map Runs and TestState through the real SfnClient. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivitiesTagsApiTest {
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-activities", Duration.ofSeconds(2));
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @Test
  void givenActivityTask_whenWorkerPollsAndAnswers_thenExecutionGetsTheResult() {
    String activity = sfn.createActivity(r -> r.name("worker").tags(tag("team", "a"))).activityArn();
    assertEquals("arn:aws:states:us-east-1:000000000000:activity:worker", activity);
    assertEquals(activity, sfn.createActivity(r -> r.name("worker")).activityArn()); // idempotent
    assertEquals("worker", sfn.describeActivity(r -> r.activityArn(activity)).name());
    assertTrue(sfn.listActivities(r -> r.maxResults(10)).activities().stream().anyMatch(a -> a.activityArn().equals(activity)));
    // Nothing queued: the long poll answers empty when its bound (2 s here, 60 s by default) passes.
    assertNull(sfn.getActivityTask(r -> r.activityArn(activity).workerName("w1")).taskToken());

    String machine = stack.createMachine("with-activity", "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Task\", "
        + "\"Resource\": \"" + activity + "\", \"HeartbeatSeconds\": 30, \"End\": true}}}");
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"job\": 7}")).executionArn();
    GetActivityTaskResponse task = poll(activity);
    assertEquals("{\"job\":7}", task.input());
    sfn.sendTaskHeartbeat(r -> r.taskToken(task.taskToken()));
    sfn.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{\"done\": true}"));
    DescribeExecutionResponse done = stack.await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals("{\"done\":true}", done.output());
    List<HistoryEventType> types = sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
        .map(HistoryEvent::type).toList();
    assertTrue(types.containsAll(List.of(HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_SUCCEEDED)), types.toString());

    assertEquals(List.of(tag("team", "a")), sfn.listTagsForResource(r -> r.resourceArn(activity)).tags());
    sfn.deleteActivity(r -> r.activityArn(activity));
    assertThrows(ActivityDoesNotExistException.class, () -> sfn.describeActivity(r -> r.activityArn(activity)));
  }

  @Test
  void givenMachine_whenTaggedAndUntagged_thenListShowsWhatRemains() {
    String machine = sfn.createStateMachine(r -> r.name("tagged").roleArn(ApiStack.ROLE).tags(tag("env", "dev"))
        .definition("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}")).stateMachineArn();
    sfn.tagResource(r -> r.resourceArn(machine).tags(tag("owner", "me"), tag("env", "prod")));
    assertEquals(List.of(tag("env", "prod"), tag("owner", "me")), sfn.listTagsForResource(r -> r.resourceArn(machine)).tags());
    sfn.untagResource(r -> r.resourceArn(machine).tagKeys("env"));
    assertEquals(List.of(tag("owner", "me")), sfn.listTagsForResource(r -> r.resourceArn(machine)).tags());
    assertThrows(ResourceNotFoundException.class, () -> sfn.tagResource(r -> r.resourceArn(machine + "-nope").tags(tag("a", "b"))));
  }

  @Test
  void givenDistributedMap_whenItEnds_thenMapRunListedAndCounted() {
    String machine = stack.createMachine("map-run", "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", "
        + "\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, "
        + "\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"End\": true}}}, \"MaxConcurrency\": 2, \"End\": true}}}");
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("[1, 2, 3]")).executionArn();
    assertEquals(ExecutionStatus.SUCCEEDED, stack.await(execution).status());
    List<MapRunListItem> runs = sfn.listMapRuns(r -> r.executionArn(execution)).mapRuns();
    assertEquals(1, runs.size());
    DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(runs.get(0).mapRunArn()));
    assertEquals("SUCCEEDED", run.statusAsString());
    assertEquals(3, run.itemCounts().total());
    assertEquals(3, run.itemCounts().succeeded());
    assertEquals(2, run.maxConcurrency());
    assertNotNull(run.stopDate());
    ValidationException update = assertThrows(ValidationException.class,
        () -> sfn.updateMapRun(r -> r.mapRunArn(run.mapRunArn()).maxConcurrency(5)));
    assertTrue(update.getMessage().contains("has already completed (SUCCEEDED) and cannot be updated"), update.getMessage());
    ValidationException negative = assertThrows(ValidationException.class,
        () -> sfn.updateMapRun(r -> r.mapRunArn(run.mapRunArn()).toleratedFailurePercentage(150f)));
    assertTrue(negative.getMessage().contains("Member must have value less than or equal to 100"), negative.getMessage());
  }

  @Test
  void givenTaskState_whenTestedWithMocks_thenOutputNextStateAndStatus() {
    String task = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"f\", "
        + "\"Payload.$\": \"$\"}, \"ResultSelector\": {\"v.$\": \"$.Payload\"}, \"Retry\": [{\"ErrorEquals\": [\"Retry.Me\"]}], "
        + "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}], \"Next\": \"After\"}";
    TestStateResponse ok = sfn.testState(r -> r.definition(task).input("{\"a\": 1}").inspectionLevel(InspectionLevel.DEBUG)
        .mock(m -> m.result("{\"Payload\": 42}")));
    assertEquals(TestExecutionStatus.SUCCEEDED, ok.status());
    assertEquals("{\"v\":42}", ok.output());
    assertEquals("After", ok.nextState());
    assertEquals("{\"a\":1}", ok.inspectionData().input());
    assertEquals("{\"FunctionName\":\"f\",\"Payload\":{\"a\":1}}", ok.inspectionData().afterParameters());

    TestStateResponse caught = sfn.testState(r -> r.definition(task).input("{}")
        .mock(m -> m.errorOutput(e -> e.error("Boom").cause("it broke"))));
    assertEquals(TestExecutionStatus.CAUGHT_ERROR, caught.status());
    assertEquals("Caught", caught.nextState());
    assertEquals("Boom", caught.error());
    TestStateResponse retried = sfn.testState(r -> r.definition(task).input("{}")
        .mock(m -> m.errorOutput(e -> e.error("Retry.Me").cause("again"))));
    assertEquals(TestExecutionStatus.RETRIABLE, retried.status());

    String machine = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}, "
        + "\"B\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 1, \"Next\": \"Big\"}], "
        + "\"Default\": \"Small\"}, \"Big\": {\"Type\": \"Succeed\"}, \"Small\": {\"Type\": \"Fail\", \"Error\": \"Tiny\"}}}";
    TestStateResponse choice = sfn.testState(r -> r.definition(machine).stateName("B").input("{\"n\": 5}"));
    assertEquals("Big", choice.nextState());
    assertEquals(TestExecutionStatus.SUCCEEDED, choice.status());
    TestStateResponse fail = sfn.testState(r -> r.definition(machine).stateName("Small").input("{}"));
    assertEquals(TestExecutionStatus.FAILED, fail.status());
    assertEquals("Tiny", fail.error());
  }

  private GetActivityTaskResponse poll(String activity) {
    for (int i = 0; i < 20; i++) {
      GetActivityTaskResponse task = sfn.getActivityTask(r -> r.activityArn(activity).workerName("w1"));
      if (task.taskToken() != null) return task;
    }
    throw new AssertionError("no activity task came");
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
