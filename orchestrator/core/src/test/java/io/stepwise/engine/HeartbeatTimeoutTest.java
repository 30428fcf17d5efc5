package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/**
 * A missed heartbeat as AWS records it (LocalStack's AWS-recorded heartbeat snapshots): the
 * TaskTimedOut event and the execution's failure say States.Timeout, with no cause, while an
 * ErrorEquals of States.HeartbeatTimeout still picks it out.
 */
class HeartbeatTimeoutTest {
  private static final String TASK = """
      "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "HeartbeatSeconds": 5,
            "Parameters": {"QueueUrl": "q", "MessageBody": {"TaskToken.$": "$$.Task.Token"}}%s}""";

  @Test
  void uncaught_isTaskTimedOutAndExecutionFailed_withStatesTimeout() {
    ExecutionResult result = run("{\"StartAt\": \"T\", \"States\": {" + TASK.formatted(", \"End\": true") + "}}", "{}",
        new EngineTestSupport.Script().fail("States.HeartbeatTimeout", null));
    assertEquals(java.util.List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
        "TaskTimedOut", "ExecutionFailed"), result.history().stream().map(HistoryEvent::type).toList());
    HistoryEvent timedOut = result.history().get(5);
    assertEquals(Json.parse("{\"resourceType\": \"sqs\", \"resource\": \"sendMessage.waitForTaskToken\", "
        + "\"error\": \"States.Timeout\"}"), timedOut.details());
    assertEquals("States.Timeout", result.error());
    assertEquals(null, result.cause());
  }

  @Test
  void heartbeatTimeoutCatcher_takesIt_andItsOutputSaysStatesTimeout() {
    String catches = ", \"Catch\": [{\"ErrorEquals\": [\"States.HeartbeatTimeout\"], \"Next\": \"H\"}], \"End\": true";
    ExecutionResult result = run("{\"StartAt\": \"T\", \"States\": {" + TASK.formatted(catches)
        + ", \"H\": {\"Type\": \"Pass\", \"End\": true}}}", "{}",
        new EngineTestSupport.Script().fail("States.HeartbeatTimeout", null));
    assertEquals(Json.parse("{\"Error\": \"States.Timeout\", \"Cause\": null}"), result.output());
  }

  @Test
  void timeoutCatcher_takesAMissedHeartbeatToo_butTaskFailedDoesNot() {
    String timeout = ", \"Catch\": [{\"ErrorEquals\": [\"States.TaskFailed\"], \"Next\": \"F\"}, "
        + "{\"ErrorEquals\": [\"States.Timeout\"], \"Next\": \"H\"}], \"End\": true";
    ExecutionResult result = run("{\"StartAt\": \"T\", \"States\": {" + TASK.formatted(timeout)
        + ", \"H\": {\"Type\": \"Pass\", \"Result\": \"timeout\", \"End\": true}, \"F\": {\"Type\": \"Fail\"}}}", "{}",
        new EngineTestSupport.Script().fail("States.HeartbeatTimeout", null));
    assertEquals(Json.text("timeout"), result.output());
  }
}
