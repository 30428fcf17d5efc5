package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.runtime.Activities;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.TaskCallbacks;
import io.stepwise.runtime.TokenStore;
import io.stepwise.tests.LocalAws;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ActivityStarted is a transition of its own, made when a worker takes the task: a second copy
 * of its message (SQS delivers at least once) writes nothing more, the callback bound to the
 * token still lands after it, and an answer that overtakes it (SQS keeps no order) writes it first.
 */
@ExtendWith(LocalAws.class)
class ActivityStartedTest {
  private static final String ACTIVITY = "arn:aws:states:us-east-1:000000000000:activity:worker";
  private LocalRuntime local;
  private Runtime runtime;
  private TokenStore tokens;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    String name = LocalAws.uniqueName("activity-started");
    local = LocalRuntime.start(dynamo, sqs, name, TaskInvoker.NONE, new LocalRuntime.Options(2, 5, 2, 10));
    tokens = new DynamoDbTokenStore(dynamo, name); // the runtime's own table
    runtime = local.runtime();
    runtime.activities().create(ACTIVITY, "worker");
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private List<HistoryEvent> history(String execution) {
    return runtime.store().history(execution, 0, 1000).events();
  }

  private String linkage(String execution) {
    return history(execution).stream().map(e -> e.id() + "<" + e.previousEventId() + " " + e.type())
        .collect(Collectors.joining(", "));
  }

  private void awaitSize(String execution, int size) throws InterruptedException {
    for (int i = 0; i < 400 && history(execution).size() < size; i++) Thread.sleep(50);
  }

  /** Starts an execution whose one state is a Task on the activity; its ARN. */
  private String start() {
    String machine = "arn:aws:states:us-east-1:000000000000:stateMachine:activity-started";
    runtime.machines().store().put(new StateMachineStore.StateMachineRecord(machine, "activity-started", 0,
        "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Task\", \"Resource\": \"" + ACTIVITY
            + "\", \"End\": true}}}", "role", "STANDARD"));
    runtime.executions().start(machine, "e", "{\"job\": 1}");
    return machine.replace(":stateMachine:", ":execution:") + ":e";
  }

  @Test
  void anAnswerThatOvertakesActivityStarted_writesItFirst_namingTheWorker() throws Exception {
    String execution = start();
    awaitSize(execution, 3);
    String token = runtime.store().load(execution).orElseThrow().state().taskToken();
    // As GetActivityTask does, but with its ActivityStarted message still on its way.
    assertTrue(tokens.take(token, "late"));
    runtime.callbacks().sendTaskSuccess(token, "{\"done\": true}");
    awaitSize(execution, 7);
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.store().load(execution).orElseThrow().state().status());
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 ActivityScheduled, 4<3 ActivityStarted, "
        + "5<4 ActivitySucceeded, 6<5 TaskStateExited, 7<6 ExecutionSucceeded", linkage(execution));
    assertEquals("late", history(execution).get(3).details().path("workerName").asText());
  }

  @Test
  void aRepeatedActivityStarted_writesNothingMore_andTheCallbackStillLands() throws Exception {
    String execution = start();
    Optional<Activities.ActivityTask> task = Optional.empty();
    for (int i = 0; i < 400 && task.isEmpty(); i++) {
      task = runtime.activities().poll(ACTIVITY, "first");
      if (task.isEmpty()) Thread.sleep(50);
    }
    String token = task.orElseThrow().taskToken();
    awaitSize(execution, 4);
    assertEquals("first", history(execution).get(3).details().path("workerName").asText());

    // The same message again, as a redelivery would bring it: the task has started already.
    ((TaskCallbacks) runtime.callbacks()).activityStarted(token, "second");
    Thread.sleep(1000);
    runtime.callbacks().sendTaskSuccess(token, "{\"done\": true}");
    awaitSize(execution, 7);
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.store().load(execution).orElseThrow().state().status());
    assertEquals("1<0 ExecutionStarted, 2<0 TaskStateEntered, 3<2 ActivityScheduled, 4<3 ActivityStarted, "
        + "5<4 ActivitySucceeded, 6<5 TaskStateExited, 7<6 ExecutionSucceeded", linkage(execution));
    assertEquals("first", history(execution).get(3).details().path("workerName").asText());
  }
}
