package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.linkage;
import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Map whose iteration fails while others still run, as AWS recorded it (timeouts/
 * test_service_lambda_map_timeout: four Lambda tasks timing out): MapIterationFailed, then
 * TaskStateAborted for its Task, then per running iteration MapIterationAborted and
 * TaskStateAborted, every one of them and MapStateFailed linked to the failure's last event.
 */
class MapAbortTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /** An iteration's own history: its Task entered and scheduled at {@code t}, started, then timed out at {@code end}. */
  private static ChildOutcome timedOut(int index, long t, long end) {
    List<HistoryEvent> events = List.of(
        new HistoryEvent(1, 0, "TaskStateEntered", T.plusMillis(t), null, null),
        new HistoryEvent(2, 1, "TaskScheduled", T.plusMillis(t), null, null),
        new HistoryEvent(3, 2, "TaskStarted", T.plusMillis(t + 10), null, null),
        new HistoryEvent(4, 3, "TaskTimedOut", T.plusMillis(end), null, null));
    return ChildOutcome.failure(index, "States.Timeout", null).withEvents(events);
  }

  @Test
  void theFirstFailure_failsTheMap_andTheIterationsStillRunningAreAborted() {
    History history = new History(3, 3, T.plusSeconds(6)); // after MapStateStarted (3)
    List<ChildOutcome> outcomes = List.of(timedOut(0, 0, 5000), timedOut(1, 1, 5002), timedOut(2, 2, 5001));
    ChildEvents.Joined joined = ChildEvents.mapIterations(history, "MapWait", outcomes, 0, 0);
    assertEquals("4<3 MapIterationStarted, 5<4 TaskStateEntered, 6<5 TaskScheduled, "
        + "7<3 MapIterationStarted, 8<7 TaskStateEntered, 9<8 TaskScheduled, "
        + "10<3 MapIterationStarted, 11<10 TaskStateEntered, 12<11 TaskScheduled, "
        + "13<6 TaskStarted, 14<9 TaskStarted, 15<12 TaskStarted, 16<13 TaskTimedOut, "
        + "17<16 MapIterationFailed, 18<16 TaskStateAborted, 19<16 MapIterationAborted, 20<16 TaskStateAborted, "
        + "21<16 MapIterationAborted, 22<16 TaskStateAborted", linkage(history.events()));
    assertEquals(16, joined.lastFailure());
    assertEquals(0, joined.failed().index());
  }

  @Test
  void aToleratedFailure_abortsNothing() {
    History history = new History(3, 3, T.plusSeconds(6));
    List<ChildOutcome> outcomes = List.of(timedOut(0, 0, 5000), timedOut(1, 1, 5002));
    ChildEvents.Joined joined = ChildEvents.mapIterations(history, "MapWait", outcomes, 0, 2);
    List<String> types = history.events().stream().map(HistoryEvent::type).toList();
    assertEquals(2, types.stream().filter("MapIterationFailed"::equals).count());
    assertEquals(0, types.stream().filter(t -> t.endsWith("Aborted")).count());
    assertEquals(null, joined.failed());
  }

  @Test
  void anIterationsFailingTask_isAbortedAfterMapIterationFailed_inMemoryToo() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                "End": true}}}}}}""", "[1]", new EngineTestSupport.Script().fail("States.Timeout", null));
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, 4<3 MapIterationStarted, "
        + "5<4 TaskStateEntered, 6<5 TaskScheduled, 7<6 TaskStarted, 8<7 TaskTimedOut, 9<8 MapIterationFailed, "
        + "10<8 TaskStateAborted, 11<8 MapStateFailed, 12<11 ExecutionFailed", linkage(result.history()));
  }

  private static final String LAMBDA_MAP = """
      {"StartAt": "MapWait", "States": {"MapWait": {"Type": "Map", "End": true%s,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "LambdaInvoke", "States": {
          "LambdaInvoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 5,
            "Parameters": {"FunctionName": "f"}, "End": true}}}}}}""";

  /**
   * AWS's recording of four Lambda tasks timing out, run in memory: the iterations side by side,
   * served in turn. AWS's four TaskTimedOut came in the order 0, 2, 1, 3, a few milliseconds
   * apart; on virtual time they tie and come in index order.
   */
  @Test
  void fourIterationsTimingOut_runSideBySide_asAwsRecordedThem() {
    EngineTestSupport.Script tasks = new EngineTestSupport.Script();
    for (int i = 0; i < 4; i++) tasks.fail("States.Timeout", null);
    ExecutionResult result = run(LAMBDA_MAP.formatted(""), "[1, 2, 3, 4]", tasks);
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, "
        + "4<3 MapIterationStarted, 5<3 MapIterationStarted, 6<3 MapIterationStarted, 7<3 MapIterationStarted, "
        + "8<4 TaskStateEntered, 9<8 TaskScheduled, 10<5 TaskStateEntered, 11<10 TaskScheduled, "
        + "12<6 TaskStateEntered, 13<12 TaskScheduled, 14<7 TaskStateEntered, 15<14 TaskScheduled, "
        + "16<9 TaskStarted, 17<11 TaskStarted, 18<13 TaskStarted, 19<15 TaskStarted, "
        + "20<16 TaskTimedOut, 21<17 TaskTimedOut, 22<18 TaskTimedOut, 23<19 TaskTimedOut, "
        + "24<20 MapIterationFailed, 25<20 TaskStateAborted, 26<20 MapIterationAborted, 27<20 TaskStateAborted, "
        + "28<20 MapIterationAborted, 29<20 TaskStateAborted, 30<20 MapIterationAborted, 31<20 TaskStateAborted, "
        + "32<20 MapStateFailed, 33<32 ExecutionFailed", linkage(result.history()));
    // They ran side by side: the Map failed 5 s after it started, not 20 s.
    assertEquals(EngineTestSupport.T0.plusSeconds(5), result.history().get(31).timestamp());
  }

  /**
   * Iterations past MaxConcurrency wait for a slot: the third takes the first's, starting when
   * that one ended, linked to its end.
   */
  @Test
  void maxConcurrency_startsAnIterationInTheSlotOfTheOneThatEnded() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 2, "ItemProcessor": {
          "StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$", "End": true}}}}}}""",
        "[1, 3, 1]", new EngineTestSupport.Script());
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, "
        + "4<3 MapIterationStarted, 5<3 MapIterationStarted, 6<4 WaitStateEntered, 7<5 WaitStateEntered, "
        + "8<6 WaitStateExited, 9<8 MapIterationSucceeded, 10<8 MapIterationStarted, 11<10 WaitStateEntered, "
        + "12<11 WaitStateExited, 13<12 MapIterationSucceeded, 14<7 WaitStateExited, 15<14 MapIterationSucceeded, "
        + "16<15 MapStateSucceeded, 17<15 MapStateExited, 18<17 ExecutionSucceeded", linkage(result.history()));
    // The third ran in the first's slot from 1 s to 2 s, beside the second: all done at 3 s, not 5.
    assertEquals(EngineTestSupport.T0.plusSeconds(1), result.history().get(10).timestamp()); // its WaitStateEntered
    assertEquals(EngineTestSupport.T0.plusSeconds(3), result.history().get(17).timestamp());
  }

  /**
   * An inline Map runs at most 40 iterations at once, as Step Functions does, with no
   * MaxConcurrency or a larger one: the 41st waits for the first's slot.
   */
  @Test
  void anInlineMap_runsAtMostFortyAtOnce() {
    String items = "[" + "1, ".repeat(40) + "1]";
    for (String limit : List.of("", ", \"MaxConcurrency\": 100")) {
      ExecutionResult result = run("""
          {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true%s, "ItemProcessor": {
            "StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$", "End": true}}}}}}""".formatted(limit),
          items, new EngineTestSupport.Script());
      List<HistoryEvent> events = result.history();
      assertEquals(EngineTestSupport.T0.plusSeconds(2), events.get(events.size() - 1).timestamp(), limit);
      long startedAtOnce = events.stream()
          .filter(e -> e.type().equals("WaitStateEntered") && e.timestamp().equals(EngineTestSupport.T0)).count();
      assertEquals(40, startedAtOnce, limit);
    }
  }

  /**
   * An iteration's failure stops the others at its time, an earlier one's too: a Wait aborted,
   * and no task called after it.
   */
  @Test
  void aFailure_abortsTheWaitOfAnotherIteration_andCallsNoTaskAfterIt() {
    EngineTestSupport.Script tasks = new EngineTestSupport.Script();
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Pick", "States": {
          "Pick": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Boom"}], "Default": "W"},
          "Boom": {"Type": "Fail", "Error": "E", "Cause": "c"},
          "W": {"Type": "Wait", "Seconds": 2, "Next": "T"},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
            "End": true}}}}}}""", "[1, 0]", tasks);
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, "
        + "4<3 MapIterationStarted, 5<3 MapIterationStarted, 6<4 ChoiceStateEntered, 7<6 ChoiceStateExited, "
        + "8<7 WaitStateEntered, 9<5 ChoiceStateEntered, 10<9 ChoiceStateExited, 11<10 FailStateEntered, "
        + "12<11 MapIterationFailed, 13<11 MapIterationAborted, 14<11 WaitStateAborted, 15<11 MapStateFailed, "
        + "16<15 ExecutionFailed", linkage(result.history()));
    // The first iteration's Task would come after the second's failure: it is never called.
    assertEquals(List.of(), tasks.calls);
    assertEquals("E", result.error());
  }

  /** A tolerated failure aborts nothing: the other iteration runs to its end, and the Map succeeds. */
  @Test
  void aToleratedFailure_inMemory_letsTheOthersFinish() {
    EngineTestSupport.Script tasks = new EngineTestSupport.Script().succeed("{\"ok\": true}");
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ToleratedFailureCount": 1,
          "ItemProcessor": {"StartAt": "Pick", "States": {
            "Pick": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Boom"}], "Default": "W"},
            "Boom": {"Type": "Fail", "Error": "E"},
            "W": {"Type": "Wait", "Seconds": 2, "Next": "T"},
            "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
              "End": true}}}}}}""", "[1, 0]", tasks);
    assertEquals("SUCCEEDED", result.status().name());
    assertEquals(1, tasks.calls.size());
    List<String> types = EngineTestSupport.types(result);
    assertEquals(0, types.stream().filter(t -> t.endsWith("Aborted")).count());
    assertEquals(List.of("MapIterationFailed", "MapIterationSucceeded"),
        types.stream().filter(t -> t.startsWith("MapIteration") && !t.endsWith("Started")).toList());
  }

  /**
   * A Map or Parallel running inside an aborted iteration is aborted as its state, its own
   * children never joined (no recording shows this form: it follows the Task's and the Wait's).
   */
  @Test
  void aNestedMapOrParallelInARunningIteration_isAborted() {
    String definition = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Pick", "States": {
          "Pick": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Boom"}], "Default": "Inner"},
          "Boom": {"Type": "Wait", "Seconds": 1, "Next": "Fail"},
          "Fail": {"Type": "Fail", "Error": "E"},
          "Inner": %s}}}}}""";
    String waits = "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 5, \"End\": true}}}";
    ExecutionResult map = run(definition.formatted(
        "{\"Type\": \"Map\", \"ItemsPath\": \"$$.Execution.Input\", \"End\": true, \"ItemProcessor\": " + waits + "}"),
        "[1, 0]", new EngineTestSupport.Script());
    assertEquals("1<0 ExecutionStarted, 2<0 MapStateEntered, 3<2 MapStateStarted, "
        + "4<3 MapIterationStarted, 5<3 MapIterationStarted, 6<4 ChoiceStateEntered, 7<6 ChoiceStateExited, "
        + "8<7 MapStateEntered, 9<8 MapStateStarted, 10<5 ChoiceStateEntered, 11<10 ChoiceStateExited, "
        + "12<11 WaitStateEntered, 13<12 WaitStateExited, 14<13 FailStateEntered, 15<14 MapIterationFailed, "
        + "16<14 MapIterationAborted, 17<14 MapStateAborted, 18<14 MapStateFailed, 19<18 ExecutionFailed",
        linkage(map.history()));
    ExecutionResult parallel = run(definition.formatted(
        "{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [" + waits + "]}"), "[1, 0]", new EngineTestSupport.Script());
    List<String> types = EngineTestSupport.types(parallel);
    assertEquals(List.of("MapIterationFailed", "MapIterationAborted", "ParallelStateAborted", "MapStateFailed", "ExecutionFailed"),
        types.subList(types.indexOf("MapIterationFailed"), types.size()));
  }
}
