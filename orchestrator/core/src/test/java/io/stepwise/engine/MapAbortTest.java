package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Map whose iteration fails while others still run, as AWS recorded it (timeouts/
 * test_service_lambda_map_timeout: four Lambda tasks timing out): MapIterationFailed, then
 * TaskStateAborted for its Task, then per running iteration MapIterationAborted and
 * TaskStateAborted, every one of them and MapStateFailed linked to the failure's last event.
 */
class MapAbortTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /** "id<previous type" per event, one string, to read like a recorded history. */
  static String linkage(List<HistoryEvent> events) {
    return events.stream().map(e -> e.id() + "<" + e.previousEventId() + " " + e.type()).collect(Collectors.joining(", "));
  }

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
}
