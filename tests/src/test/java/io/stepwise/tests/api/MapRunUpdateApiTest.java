package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
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
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** UpdateMapRun on a running Distributed Map, through the real SfnClient; its items wait on an activity. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapRunUpdateApiTest {
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-maprun", Duration.ofSeconds(1));
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @Test
  void givenMaxConcurrencyOne_whenRaisedToThreeWhileItRuns_thenThreeItemsRunAtOnce() {
    String activity = sfn.createActivity(r -> r.name("raise")).activityArn();
    String execution = startMap("raise", activity, "\"MaxConcurrency\": 1",
        "[{\"n\": 0}, {\"n\": 1}, {\"n\": 2}, {\"n\": 3}, {\"n\": 4}, {\"n\": 5}]");
    List<GetActivityTaskResponse> held = new ArrayList<>(List.of(poll(activity)));
    assertNull(sfn.getActivityTask(r -> r.activityArn(activity)).taskToken(), "one item at a time before the update");

    String mapRun = sfn.listMapRuns(r -> r.executionArn(execution)).mapRuns().get(0).mapRunArn();
    sfn.updateMapRun(r -> r.mapRunArn(mapRun).maxConcurrency(3));
    assertEquals(3, sfn.describeMapRun(r -> r.mapRunArn(mapRun)).maxConcurrency());
    held.add(poll(activity)); // while the first item still runs: the raise started more
    held.add(poll(activity));

    int answered = 0;
    while (answered < 6) {
      GetActivityTaskResponse task = held.isEmpty() ? poll(activity) : held.remove(0);
      sfn.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output(task.input()));
      answered++;
    }
    DescribeExecutionResponse done = stack.await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.toString());
    assertEquals("[{\"n\":0},{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4},{\"n\":5}]", done.output());
    DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
    assertEquals("SUCCEEDED", run.statusAsString());
    assertEquals(6, run.itemCounts().succeeded());
  }

  @Test
  void givenNoTolerance_whenFailuresToleratedWhileItRuns_thenTheMapSucceedsDespiteThem() {
    String activity = sfn.createActivity(r -> r.name("tolerate")).activityArn();
    String execution = startMap("tolerate", activity, "\"MaxConcurrency\": 1",
        "[{\"fail\": false}, {\"fail\": true}, {\"fail\": true}]");
    GetActivityTaskResponse first = poll(activity);
    String mapRun = sfn.listMapRuns(r -> r.executionArn(execution)).mapRuns().get(0).mapRunArn();
    sfn.updateMapRun(r -> r.mapRunArn(mapRun).toleratedFailureCount(2L));
    assertEquals(2L, sfn.describeMapRun(r -> r.mapRunArn(mapRun)).toleratedFailureCount());
    sfn.sendTaskSuccess(r -> r.taskToken(first.taskToken()).output("{}"));

    DescribeExecutionResponse done = stack.await(execution);
    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.toString());
    DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
    assertEquals(2, run.itemCounts().failed());
    assertEquals(1, run.itemCounts().succeeded());
    ValidationException ended = assertThrows(ValidationException.class,
        () -> sfn.updateMapRun(r -> r.mapRunArn(mapRun).toleratedFailureCount(0L)));
    assertTrue(ended.getMessage().contains("has already completed (SUCCEEDED) and cannot be updated"), ended.getMessage());
  }

  @Test
  void givenBadRequests_whenUpdateMapRun_thenAwsErrors() {
    String unknown = "arn:aws:states:us-east-1:000000000000:mapRun:nothing/M:none";
    assertThrows(ResourceNotFoundException.class, () -> sfn.updateMapRun(r -> r.mapRunArn(unknown).maxConcurrency(2)));
    ValidationException negative = assertThrows(ValidationException.class,
        () -> sfn.updateMapRun(r -> r.mapRunArn(unknown).maxConcurrency(-1)));
    assertTrue(negative.getMessage().contains("Member must have value greater than or equal to 0"), negative.getMessage());
  }

  /** A Distributed Map whose items fail when {@code fail} is true, and otherwise wait on {@code activity}. */
  private String startMap(String name, String activity, String limits, String input) {
    String machine = stack.createMachine(name, "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", " + limits + ", "
        + "\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, "
        + "\"StartAt\": \"Which\", \"States\": {"
        + "\"Which\": {\"Type\": \"Choice\", \"Choices\": [{\"And\": [{\"Variable\": \"$.fail\", \"IsPresent\": true}, "
        + "{\"Variable\": \"$.fail\", \"BooleanEquals\": true}], \"Next\": \"Fail\"}], "
        + "\"Default\": \"Work\"},"
        + "\"Fail\": {\"Type\": \"Fail\", \"Error\": \"Item.Failed\"},"
        + "\"Work\": {\"Type\": \"Task\", \"Resource\": \"" + activity + "\", \"End\": true}}}, \"End\": true}}}");
    return sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
  }

  private GetActivityTaskResponse poll(String activity) {
    for (int i = 0; i < 60; i++) {
      GetActivityTaskResponse task = sfn.getActivityTask(r -> r.activityArn(activity).workerName("w"));
      if (task.taskToken() != null) return task;
    }
    throw new AssertionError("no activity task came");
  }
}
