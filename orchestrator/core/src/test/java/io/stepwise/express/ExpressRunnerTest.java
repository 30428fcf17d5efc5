package io.stepwise.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.VirtualClock;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.StateMachineStore.StateMachineRecord;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.memory.InMemoryStateMachineStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressRunnerTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:quick";
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private final InMemoryStateMachineStore store = new InMemoryStateMachineStore();
  private final List<String> calls = new ArrayList<>();
  private final List<List<HistoryEvent>> logged = new ArrayList<>();

  private ExpressRunner runner(VirtualClock clock) {
    return new ExpressRunner(new StateMachines(store), new Engine(Entropy.secure()), call -> {
      calls.add(call.stateName());
      return TaskOutcome.success(Json.object().set("Payload", call.payload().path("Payload")));
    }, clock, (execution, events) -> logged.add(events));
  }

  private ExpressStart start(String definition) {
    int version = store.put(new StateMachineRecord(MACHINE, "quick", 0, definition, "arn:aws:iam::000000000000:role/r", "EXPRESS"));
    return new ExpressStart(ExpressArns.executionArn(MACHINE, "run-1", "id-1"), "run-1", MACHINE, "quick", version,
        "arn:aws:iam::000000000000:role/r", Json.parse("{\"n\": 2}"), START);
  }

  @Test
  void givenTaskWaitPass_whenRun_thenTheTaskIsCalledTheWaitWaitedAndTheHistoryLoggedOnce() {
    ExpressStart start = start("""
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "echo", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 10, "Next": "Done"},
          "Done": {"Type": "Pass", "Parameters": {"id.$": "$$.Execution.Id", "n.$": "$.n"}, "End": true}}}""");

    ExpressResult result = runner(VirtualClock.fast(START)).run(start);

    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
    assertEquals(Json.parse("{\"id\": \"" + start.executionArn() + "\", \"n\": 2}"), result.output());
    assertEquals(List.of("Call"), calls);
    assertEquals(START.plusSeconds(10), result.stopDate());
    assertEquals(10_000, result.billedDurationMillis());
    assertEquals(1, logged.size());
    List<HistoryEvent> events = logged.get(0);
    assertEquals("ExecutionStarted", events.get(0).type());
    assertEquals("ExecutionSucceeded", events.get(events.size() - 1).type());
  }

  @Test
  void givenWaitPastFiveMinutes_whenRun_thenTimedOutWithStatesTimeoutAtTheLimit() {
    ExpressStart start = start("{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 600, \"End\": true}}}");

    ExpressResult result = runner(VirtualClock.fast(START)).run(start);

    assertEquals(ExecutionStatus.TIMED_OUT, result.status());
    assertEquals("States.Timeout", result.error());
    assertEquals(START.plus(ExpressRunner.LIMIT), result.stopDate());
    List<HistoryEvent> events = logged.get(0);
    assertEquals("ExecutionTimedOut", events.get(events.size() - 1).type());
  }

  @Test
  void givenShorterTimeoutSeconds_whenRun_thenTheMachinesOwnTimeoutEndsIt() {
    ExpressStart start = start("{\"TimeoutSeconds\": 30, \"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");

    ExpressResult result = runner(VirtualClock.fast(START)).run(start);

    assertEquals(ExecutionStatus.TIMED_OUT, result.status());
    assertEquals(START.plusSeconds(30), result.stopDate());
  }

  @Test
  void givenAStart_whenSentAsAQueueMessage_thenTheMessageCarriesItWhole() {
    ExpressStart start = start("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");

    StepMessage received = StepMessage.fromJson(start.toMessage().toJson());

    assertEquals(start, ExpressStart.fromMessage(received));
    assertEquals(ExecutionStatus.SUCCEEDED, runner(VirtualClock.fast(START)).process(received).status());
  }

  @Test
  void givenAMachineArn_whenNamingAnExpressExecution_thenTheExpressForm() {
    String arn = ExpressArns.executionArn(MACHINE, "run-1", "6d4a");

    assertEquals("arn:aws:states:us-east-1:000000000000:express:quick:run-1:6d4a", arn);
    assertTrue(ExpressArns.isExpress(arn));
    assertTrue(!ExpressArns.isExpress("arn:aws:states:us-east-1:000000000000:execution:quick:run-1"));
  }

  @Test
  void givenSubSecondRun_whenBilled_thenRoundedUpToTheNext100Millis() {
    ExpressStart start = start("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    ExpressResult result = new ExpressResult(start, ExecutionStatus.SUCCEEDED, null, null, null,
        START.plus(Duration.ofMillis(101)), 1);

    assertEquals(200, result.billedDurationMillis());
  }
}
