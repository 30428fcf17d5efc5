package io.stepwise.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One state run as TestState runs it: mocked children, retries taken before, a context given whole. */
class StateTestTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  /** The state under test as S; a state that goes on goes to the stand-in Next, as TestState's does. */
  private static StateMachine machine(String state) {
    String next = state.contains("\"Next\"") ? ", \"Next\": {\"Type\": \"Succeed\"}" : "";
    return Definitions.load(Json.parse("{\"StartAt\": \"S\", \"States\": {\"S\": " + state + next + "}}"));
  }

  private static ExecutionInfo info(String input) {
    return new ExecutionInfo("arn:aws:states:us-east-1:000000000000:express:m:e", "e",
        "arn:aws:states:us-east-1:000000000000:stateMachine:m", "m", Json.parse(input), NOW, null, -1, false);
  }

  private static final TaskInvoker FAILING = call -> TaskOutcome.failure("Boom", "it broke");

  @Test
  void aMockedMapTakesItsResultsFromTheMock_withoutRunningItsIterations() {
    StateMachine map = machine("""
        {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}, "ResultPath": "$.out", "Next": "Next"}""");
    AtomicInteger totals = new AtomicInteger();
    StateTest.MockedChildren children = (total, tolerated) -> {
      totals.set(total);
      return new Event.ChildrenFinished(List.of(ChildOutcome.success(0, Json.parse("\"a\"")), ChildOutcome.success(1, Json.parse("\"b\""))));
    };
    StateTest.Result result = new StateTest(new Engine(() -> "t"), FAILING, new StateTest.Options(children, 0, 0))
        .run(map, info("{\"items\": [1, 2, 3]}"), Map.of(), NOW);
    assertEquals(StateTest.Status.SUCCEEDED, result.status());
    assertEquals(Json.parse("{\"items\": [1, 2, 3], \"out\": [\"a\", \"b\"]}"), result.output());
    assertEquals(3, totals.get(), "the mock is told how many iterations there would be");
    assertEquals(Json.parse("[\"a\", \"b\"]"), result.childResults());
  }

  @Test
  void aMockedParallelsOwnFailure_isCaughtByItsCatch() {
    StateMachine parallel = machine("""
        {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}],
         "Catch": [{"ErrorEquals": ["Boom"], "Next": "Next"}], "End": true}""");
    StateTest.Result result = new StateTest(new Engine(() -> "t"), FAILING,
        new StateTest.Options((total, tolerated) -> new Event.TaskFailed("Boom", "it broke"), 0, 0)).run(parallel, info("{}"), Map.of(), NOW);
    assertEquals(StateTest.Status.CAUGHT_ERROR, result.status());
    assertEquals("Next", result.nextState());
    assertEquals("Boom", result.error());
  }

  @Test
  void retriesTakenBefore_lengthenTheBackoff_andOnceUsedUpTheStateFails() {
    StateMachine task = machine("""
        {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
         "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 5, "BackoffRate": 2.0}], "End": true}""");
    StateTest.Result retriable = new StateTest(new Engine(() -> "t"), FAILING, new StateTest.Options(null, 4, 0))
        .run(task, info("{}"), Map.of(), NOW);
    assertEquals(StateTest.Status.RETRIABLE, retriable.status());
    assertEquals(16L, retriable.retryDelaySeconds());
    assertNull(retriable.nextState(), "a retriable state names no next state, as AWS answers");
    StateTest.Result failed = new StateTest(new Engine(() -> "t"), FAILING, new StateTest.Options(null, 5, 0))
        .run(task, info("{}"), Map.of(), NOW);
    assertEquals(StateTest.Status.FAILED, failed.status());
    assertEquals("Boom", failed.error());
  }

  @Test
  void aGivenContextIsTheWholeContextObject() {
    StateMachine pass = machine("{\"Type\": \"Pass\", \"Parameters\": {\"c.$\": \"$$\"}, \"End\": true}");
    ObjectNode context = (ObjectNode) Json.parse("{\"Execution\": {\"Name\": \"given\"}}");
    StateTest.Result result = new StateTest(new Engine(() -> "t").withContext(context), FAILING)
        .run(pass, info("{}"), Map.of(), NOW);
    assertEquals(Json.parse("{\"c\": {\"Execution\": {\"Name\": \"given\"}}}"), result.output());
    StateTest.Result own = new StateTest(new Engine(() -> "t"), FAILING).run(pass, info("{}"), Map.of(), NOW);
    assertEquals(false, own.output().get("c").get("Execution").has("RedriveCount"),
        "a TestState run is no execution that can be redriven");
  }
}
