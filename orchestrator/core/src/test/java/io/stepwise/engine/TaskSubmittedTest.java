package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.asl.StateMachine;
import io.stepwise.asl.StateMachineParser;
import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A callback task's send as AWS's callback recordings show it: TaskStarted and TaskSubmitted when
 * the call returns, the outcome later as its own event; a repeated TaskSubmitted changes nothing.
 */
class TaskSubmittedTest {
  private static final StateMachine CALLBACK = StateMachineParser.parse(Json.parse("""
      {"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}"""));
  private final Engine engine = new Engine(() -> "token");

  private static List<String> types(Decision d) {
    return d.events().stream().map(HistoryEvent::type).toList();
  }

  @Test
  void submitted_recordsStartedAndSubmitted_thenTheOutcomeAlone() {
    Decision scheduled = engine.step(CALLBACK, ExecutionState.start(EngineTestSupport.info(Json.object()), "Ask"),
        Event.ADVANCE, T0);
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled"), types(scheduled));

    Decision sent = engine.step(CALLBACK, scheduled.state(), new Event.TaskSubmitted(Json.parse("{\"MessageId\": \"m1\"}")), T0);
    assertEquals(List.of("TaskStarted", "TaskSubmitted"), types(sent));
    HistoryEvent submitted = sent.events().get(1);
    assertEquals("taskSubmittedEventDetails", submitted.detailsKey());
    assertEquals(Json.parse("{\"resourceType\": \"sqs\", \"resource\": \"sendMessage.waitForTaskToken\", "
        + "\"output\": \"{\\\"MessageId\\\":\\\"m1\\\"}\", \"outputDetails\": {\"truncated\": false}}"), submitted.fullDetails());
    assertEquals(Phase.AWAIT_OUTCOME, sent.state().phase());
    assertTrue(sent.commands().isEmpty(), "the task waits for its callback");

    Decision repeated = engine.step(CALLBACK, sent.state(), new Event.TaskSubmitted(Json.object()), T0);
    assertEquals(sent.state(), repeated.state());
    assertTrue(repeated.events().isEmpty());

    Decision answered = engine.step(CALLBACK, sent.state(), new Event.TaskSucceeded(Json.text("yes")), T0);
    assertEquals(List.of("TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"), types(answered));
    assertEquals(sent.events().get(1).id(), answered.events().get(0).previousEventId());
  }

  @Test
  void aFailedCallback_isTaskFailedAfterTaskSubmitted() {
    Decision scheduled = engine.step(CALLBACK, ExecutionState.start(EngineTestSupport.info(Json.object()), "Ask"),
        Event.ADVANCE, T0);
    Decision sent = engine.step(CALLBACK, scheduled.state(), new Event.TaskSubmitted(Json.object()), T0);
    Decision failed = engine.step(CALLBACK, sent.state(), new Event.TaskFailed("Worker.Refused", "no"), T0);
    assertEquals(List.of("TaskFailed", "ExecutionFailed"), types(failed));
    assertEquals("Worker.Refused", failed.state().error());
  }
}
