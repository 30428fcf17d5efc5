package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.asl.StateMachine;
import io.stepwise.asl.StateMachineParser;
import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An activity Task's events as AWS's activity recordings show them: ActivityScheduled naming the
 * activity by its ARN with the task's timeouts and its input's details (as LambdaFunctionScheduled
 * does), ActivityStarted naming no resource (only the
 * worker, when it gave a name), then ActivitySucceeded.
 */
class ActivityEventsTest {
  private static final String ARN = "arn:aws:states:us-east-1:111111111111:activity:worker";
  private static final StateMachine ACTIVITY = StateMachineParser.parse(Json.parse("""
      {"StartAt": "ActivityTask", "States": {"ActivityTask": {"Type": "Task", "Resource": "%s",
        "TimeoutSeconds": 60, "HeartbeatSeconds": 10, "End": true}}}""".formatted(ARN)));
  private final Engine engine = new Engine(() -> "token");

  @Test
  void anActivity_isScheduledWithItsTimeouts_thenStartedNamingNoResource() {
    Decision scheduled = engine.step(ACTIVITY,
        ExecutionState.start(EngineTestSupport.info(Json.parse("{\"Value1\": \"Hello\"}")), "ActivityTask"), Event.ADVANCE, T0);
    HistoryEvent schedule = scheduled.events().get(2);
    assertEquals("ActivityScheduled", schedule.type());
    assertEquals(Json.parse("{\"resource\": \"" + ARN + "\", \"timeoutInSeconds\": 60, \"heartbeatInSeconds\": 10, "
        + "\"input\": \"{\\\"Value1\\\":\\\"Hello\\\"}\", \"inputDetails\": {\"truncated\": false}}"), schedule.fullDetails());

    Decision answered = engine.step(ACTIVITY, scheduled.state(), new Event.TaskSucceeded(Json.parse("{\"Value1\": \"Hello\"}")), T0);
    assertEquals(List.of("ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"),
        answered.events().stream().map(HistoryEvent::type).toList());
    HistoryEvent started = answered.events().get(0);
    assertEquals("activityStartedEventDetails", started.detailsKey());
    assertEquals(Json.object(), started.fullDetails());
    assertEquals(schedule.id(), started.previousEventId());
  }

  @Test
  void aBareLambdaFunction_isScheduledWithItsInputsDetailsToo() {
    StateMachine lambda = StateMachineParser.parse(Json.parse("""
        {"StartAt": "step1", "States": {"step1": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f", "End": true}}}"""));
    Decision scheduled = engine.step(lambda, ExecutionState.start(EngineTestSupport.info(Json.object()), "step1"),
        Event.ADVANCE, T0);
    HistoryEvent schedule = scheduled.events().get(2);
    assertEquals("LambdaFunctionScheduled", schedule.type());
    assertEquals(Json.parse("{\"resource\": \"arn:aws:lambda:us-east-1:111111111111:function:f\", \"input\": \"{}\", "
        + "\"inputDetails\": {\"truncated\": false}}"), schedule.fullDetails());
  }
}
