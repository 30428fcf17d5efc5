package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.T0;
import static io.stepwise.engine.EngineTestSupport.run;
import static io.stepwise.engine.EngineTestSupport.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.asl.StateMachineParser;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final String RETRYING_TASK = """
      {"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "f", "Payload.$": "$"},
              "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 3, "MaxDelaySeconds": 10}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.caught", "Next": "Handled"}],
              "End": true},
        "Handled": {"Type": "Pass", "End": true}}}""";

  @Test
  void history_numbersEventsLikeStepFunctions() {
    ExecutionResult result = run("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}""", "{}", TaskInvoker.NONE);
    assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "SucceedStateEntered",
        "SucceedStateExited", "ExecutionSucceeded"), types(result));
    // ExecutionStarted is written aside: the first state's entered event links to 0.
    List<Long> previous = result.history().stream().map(HistoryEvent::previousEventId).toList();
    assertEquals(List.of(0L, 0L, 2L, 3L, 4L, 5L), previous);
    for (int i = 0; i < result.history().size(); i++) assertEquals(i + 1, result.history().get(i).id());
  }

  @Test
  void retry_backsOff_exponentially_cappedByMaxDelay() {
    var script = new EngineTestSupport.Script().fail("Boom", "1").fail("Boom", "2").fail("Boom", "3").succeed("{\"ok\": true}");
    ExecutionResult result = run(RETRYING_TASK, "{}", script);
    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
    assertEquals(Json.parse("{\"ok\": true}"), result.output());
    List<Long> scheduledAt = result.history().stream().filter(e -> e.type().equals("TaskScheduled"))
        .map(e -> Duration.between(T0, e.timestamp()).toSeconds()).toList();
    assertEquals(List.of(0L, 2L, 8L, 18L), scheduledAt, "2s, then 2*3=6s, then min(18, 10)=10s");
  }

  @Test
  void retry_exhausted_fallsThroughToCatch_withErrorOutputAtResultPath() {
    var script = new EngineTestSupport.Script().fail("Boom", "a").fail("Boom", "b").fail("Boom", "c").fail("Boom", "last");
    ExecutionResult result = run(RETRYING_TASK, "{\"in\": 1}", script);
    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
    assertEquals(Json.parse("{\"in\": 1, \"caught\": {\"Error\": \"Boom\", \"Cause\": \"last\"}}"), result.output());
    assertEquals(4, script.calls.size());
  }

  @Test
  void maxAttemptsZero_neverRetries() {
    String definition = RETRYING_TASK.replace("\"MaxAttempts\": 3", "\"MaxAttempts\": 0");
    var script = new EngineTestSupport.Script().fail("Boom", "once");
    ExecutionResult result = run(definition, "{}", script);
    assertEquals(1, script.calls.size());
    assertEquals("once", result.output().path("caught").path("Cause").asText());
  }

  /** AWS's Paths page gives {@code $.jar[?(@.a >= 5)]} as a Reference Path: ItemsPath reads the matches. */
  @Test
  void itemsPath_withAPlainFilter_mapsTheMatches() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.jar[?(@.a >= 5)]", "End": true,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "$.a", "End": true}}}}}}""",
        "{\"jar\":[{\"a\":1},{\"a\":5},{\"a\":2},{\"a\":7}]}", TaskInvoker.NONE);
    assertEquals(Json.parse("[5,7]"), result.output());
  }

  /** As AWS answered for {@code "Jobs.$": "$.Jobs.sum()"} (re:Post): the definition is valid, the state fails. */
  @Test
  void jsonPathFunction_inParameters_failsTheStateAsNotFound() {
    ExecutionResult result = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"Jobs.$": "$.Jobs.sum()"}, "End": true}}}""",
        "{\"Jobs\":[0,1]}", TaskInvoker.NONE);
    assertEquals("States.Runtime", result.error());
    assertEquals("An error occurred while executing the state 'P' (entered at the event id #2). The JSONPath "
        + "'$.Jobs.sum()' specified for the field 'Jobs.$' could not be found in the input '{\"Jobs\":[0,1]}'",
        result.cause());
  }

  @Test
  void statesAll_doesNotCatchStatesRuntime() {
    ExecutionResult result = run("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "f", "x.$": "$.missing"},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}], "End": true},
          "H": {"Type": "Pass", "End": true}}}""", "{}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("States.Runtime", result.error());
    assertEquals("An error occurred while executing the state 'T' (entered at the event id #2). The JSONPath "
        + "'$.missing' specified for the field 'x.$' could not be found in the input '{}'", result.cause());
  }

  @Test
  void waitSeconds_advancesTheClock_andTimestampInThePastDoesNotWait() {
    ExecutionResult result = run("""
        {"StartAt": "W", "States": {
          "W": {"Type": "Wait", "Seconds": 90, "Next": "Past"},
          "Past": {"Type": "Wait", "Timestamp": "2016-03-14T01:59:00Z", "End": true}}}""", "{\"v\": 1}", TaskInvoker.NONE);
    assertEquals(Json.parse("{\"v\": 1}"), result.output());
    var exited = result.history().stream().filter(e -> e.type().equals("WaitStateExited")).toList();
    assertEquals(90, Duration.between(T0, exited.get(0).timestamp()).toSeconds());
    assertEquals(90, Duration.between(T0, exited.get(1).timestamp()).toSeconds());
  }

  /**
   * A numeric offset is an ISO-8601 extended offset date-time as much as Z is: AWS waits on
   * "2024-03-15T23:27:00+00:00" (localstack/localstack#10523, "works perfectly fine" on AWS).
   */
  @Test
  void waitTimestampPath_withANumericOffset_waitsUntilThatInstant() {
    ExecutionResult result = run("""
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}}""",
        "{\"at\": \"2026-01-01T02:00:00+01:00\"}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
    var exited = result.history().stream().filter(e -> e.type().equals("WaitStateExited")).toList();
    assertEquals(3600, Duration.between(T0, exited.get(0).timestamp()).toSeconds());
  }

  /**
   * AWS, measured in us-east-1 (https://github.com/floci-io/floci/pull/3167, for issue #2868): a
   * Choice with no matching rule and no Default fails the execution with States.Runtime, "Failed
   * to transition out of the state. The state does not point to a next state.", not the spec's
   * States.NoChoiceMatched; as a States.Runtime, a Parallel's Catch on States.ALL does not take it.
   */
  @Test
  void choiceMatchingNoRuleWithoutDefault_failsTheExecutionWithStatesRuntime() {
    String choice = """
        {"Type": "Choice", "Choices": [{"Variable": "$.x", "StringEquals": "never", "Next": "Done"}]},
        "Done": {"Type": "Pass", "End": true}""";
    ExecutionResult alone = run("{\"StartAt\": \"C\", \"States\": {\"C\": " + choice + "}}", "{\"x\": \"a\"}",
        TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, alone.status());
    assertEquals("States.Runtime", alone.error());
    assertEquals("An error occurred while executing the state 'C' (entered at the event id #2). Failed to "
        + "transition out of the state. The state does not point to a next state.", alone.cause());
    assertEquals(List.of("ExecutionStarted", "ChoiceStateEntered", "ExecutionFailed"), types(alone));

    ExecutionResult inBranch = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}],
          "Branches": [{"StartAt": "C", "States": {"C": %s}}]},
          "Handled": {"Type": "Pass", "End": true}}}""".formatted(choice), "{\"x\": \"a\"}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, inBranch.status());
    assertEquals("States.Runtime", inBranch.error());
  }

  @Test
  void executionTimeout_endsTimedOut() {
    ExecutionResult result = run("""
        {"StartAt": "W", "TimeoutSeconds": 5, "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}""",
        "{}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.TIMED_OUT, result.status());
    assertEquals("ExecutionTimedOut", types(result).get(types(result).size() - 1));
    // AWS, measured in https://github.com/floci-io/floci/issues/2733 (TimeoutSeconds 3 over a
    // Wait of 25): "States.Timeout only inside the ExecutionTimedOut history event", no cause.
    HistoryEvent timedOut = result.history().get(result.history().size() - 1);
    assertEquals(Json.parse("{\"error\": \"States.Timeout\"}"), timedOut.details());
  }

  @Test
  void parallel_returnsBranchOutputsInOrder_andAFailedBranchFailsIt() {
    String ok = """
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": 2, "End": true}}}]}}}""";
    assertEquals(Json.parse("[1, 2]"), run(ok, "{}", TaskInvoker.NONE).output());
    ExecutionResult failed = run(ok.replace("\"Type\": \"Pass\", \"Result\": 2, \"End\": true",
        "\"Type\": \"Fail\", \"Error\": \"E\", \"Cause\": \"C\""), "{}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, failed.status());
    assertEquals("E", failed.error());
  }

  @Test
  void map_overToleratedFailures_failsWithExceedToleratedFailureThreshold() {
    String definition = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 1, "End": true,
          "ItemProcessor": {"StartAt": "C", "States": {
            "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 1, "Next": "F"}], "Default": "OK"},
            "F": {"Type": "Fail", "Error": "Big"}, "OK": {"Type": "Pass", "End": true}}}}}}""";
    assertEquals(ExecutionStatus.SUCCEEDED, run(definition, "[0, 1, 2]", TaskInvoker.NONE).status());
    ExecutionResult failed = run(definition, "[0, 2, 3]", TaskInvoker.NONE);
    assertEquals("States.ExceedToleratedFailureThreshold", failed.error());
  }

  @Test
  void step_isPure_staleEventsChangeNothing_andEqualInputsGiveEqualDecisions() {
    var machine = StateMachineParser.parse(Json.parse(RETRYING_TASK));
    Engine engine = new Engine(() -> "t");
    ExecutionState start = ExecutionState.start(EngineTestSupport.info(Json.parse("{}")), "T");
    Decision first = engine.step(machine, start, Event.ADVANCE, T0);
    Decision again = engine.step(machine, start, Event.ADVANCE, T0);
    assertEquals(first, again);
    assertEquals(Phase.AWAIT_TASK, first.state().phase());
    Decision stale = engine.step(machine, first.state(), Event.TIMER_FIRED, T0);
    assertEquals(first.state(), stale.state());
    assertTrue(stale.events().isEmpty() && stale.commands().isEmpty());
  }

  private static final String DRAWS = """
      {"StartAt": "Path", "States": {
        "Path": {"Type": "Pass", "Parameters": {"uuid.$": "States.UUID()", "uuid2.$": "States.UUID()",
                 "dice.$": "States.MathRandom(1, 1000000)"}, "Next": "Jsonata"},
        "Jsonata": {"Type": "Pass", "QueryLanguage": "JSONata",
                    "Output": {"path": "{% $states.input %}", "now": "{% $now() %}", "millis": "{% $millis() %}",
                               "uuid": "{% $uuid() %}", "random": "{% $random() %}"}, "End": true}}}""";

  @Test
  void step_isPure_timeAndRandomnessComeFromTheStepsInputs() {
    var machine = StateMachineParser.parse(Json.parse(DRAWS));
    Engine engine = new Engine(() -> "t");
    ExecutionState start = ExecutionState.start(EngineTestSupport.info(Json.parse("{}")), "Path");
    Instant later = T0.plusSeconds(90);
    Decision path = engine.step(machine, start, Event.ADVANCE, later);
    assertEquals(path, engine.step(machine, start, Event.ADVANCE, later), "the same step decided again");
    Decision jsonata = engine.step(machine, path.state(), Event.ADVANCE, later);
    assertEquals(jsonata, engine.step(machine, path.state(), Event.ADVANCE, later));

    var output = jsonata.state().output();
    assertEquals("2026-01-01T00:01:30.000Z", output.get("now").textValue(), "$now() is the step's time");
    assertEquals(later.toEpochMilli(), output.get("millis").asLong());
    var drawn = output.get("path");
    assertNotEquals(drawn.get("uuid"), drawn.get("uuid2"), "two draws in one step differ");
    assertNotEquals(drawn.get("uuid"), output.get("uuid"));

    // Another execution, or the same one at another transition, draws other values.
    ExecutionInfo other = new ExecutionInfo("arn:aws:states:us-east-1:111111111111:execution:m:other", "other",
        "arn:aws:states:us-east-1:111111111111:stateMachine:m", "m", Json.parse("{}"), T0, "r", 0, false);
    Decision elsewhere = engine.step(machine, ExecutionState.start(other, "Path"), Event.ADVANCE, later);
    assertNotEquals(path.state().stateInput().get("uuid"), elsewhere.state().stateInput().get("uuid"));
  }

  @Test
  void fastVirtualTime_reachesJsonata() {
    ExecutionResult result = run("""
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "Next": "Now"},
          "Now": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $now() %}", "End": true}}}""", "{}", TaskInvoker.NONE);
    assertEquals(Json.text("2026-01-01T01:00:00.000Z"), result.output());
  }

  @Test
  void mapIterationsAlike_drawDifferentValues() {
    ExecutionResult result = run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "U", "States": {
          "U": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()"}, "End": true}}}}}}""", "[1, 1]", TaskInvoker.NONE);
    assertNotEquals(result.output().get(0), result.output().get(1));
  }

  private static String bigOutputTask(String errorEquals) {
    return """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                "ResultPath": "$.result", "Catch": [{"ErrorEquals": [%s], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Pass", "End": true}}}""".formatted(errorEquals);
  }

  @Test
  void statesOwnOutputOverTheLimit_isTerminalForStatesAll_butCaughtByName() {
    String half = "\"" + "x".repeat(140 * 1024) + "\"";
    String input = "{\"a\": " + half + "}";
    ExecutionResult uncaught = run(bigOutputTask("\"States.ALL\""), input, new EngineTestSupport.Script().succeed(half));
    assertEquals(ExecutionStatus.FAILED, uncaught.status());
    assertEquals("States.DataLimitExceeded", uncaught.error());
    ExecutionResult caught = run(bigOutputTask("\"States.DataLimitExceeded\""), input, new EngineTestSupport.Script().succeed(half));
    assertEquals(ExecutionStatus.SUCCEEDED, caught.status());
    assertEquals("States.DataLimitExceeded", caught.output().get("Error").textValue());
  }

  /**
   * A task's result over 256 KB (of UTF-8) is the task's failure, whatever the invoker: caught by
   * States.ALL, its cause naming a bare function by its ARN and an integration by its service
   * (AWS-recorded cases states_errors__*_data_limit_exceeded_on_large_utf8_response).
   */
  @Test
  void taskResultOverTheLimit_failsTheTaskWithDataLimitExceeded_namingTheFunctionOrTheService() {
    String over = "\"" + "é".repeat(131_072) + "\""; // 262,146 bytes, only 131,074 chars
    ExecutionResult integration = run(bigOutputTask("\"States.Timeout\""), "{}", new EngineTestSupport.Script().succeed(over));
    assertEquals(ExecutionStatus.FAILED, integration.status());
    assertEquals("States.DataLimitExceeded", integration.error());
    assertEquals("The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit.",
        integration.cause());
    String function = "arn:aws:lambda:us-east-1:000000000000:function:f";
    ExecutionResult bare = run(bigOutputTask("\"States.ALL\"").replace("arn:aws:states:::lambda:invoke", function), "{}",
        new EngineTestSupport.Script().succeed(over));
    assertEquals(ExecutionStatus.SUCCEEDED, bare.status(), "caught by States.ALL");
    assertEquals("States.DataLimitExceeded", bare.output().path("Error").asText(""), bare.output().toString());
    assertEquals("The state/task '" + function + "' returned a result with a size exceeding the maximum number of bytes "
        + "service limit.", bare.output().path("Cause").asText(""));
    String fits = "\"" + "a".repeat(256 * 1024 - 2) + "\"";
    // Exactly 256 KB is a result that fits: the task succeeds, and only the state's output, with
    // the result under $.result, is over (terminal for States.ALL, named after the state).
    ExecutionResult atTheLimit = run(bigOutputTask("\"States.ALL\""), "{}", new EngineTestSupport.Script().succeed(fits));
    assertEquals("The state/task 'T' returned a result with a size exceeding the maximum number of bytes service limit.",
        atTheLimit.cause());
    assertTrue(types(atTheLimit).contains("TaskSucceeded"), types(atTheLimit).toString());
  }

  /** Developer guide: States.DataLimitExceeded also when, after Parameters, a state's input is over the quota. */
  @Test
  void taskInputOverTheLimitAfterParameters_isTerminalForStatesAll_butCaughtByName_andNoTaskIsCalled() {
    String half = "\"" + "x".repeat(140 * 1024) + "\"";
    String definition = """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "f", "Payload": {"a.$": "$.a", "b.$": "$.a"}},
                "Catch": [{"ErrorEquals": [%s], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Pass", "End": true}}}""";
    String input = "{\"a\": " + half + "}";
    ExecutionResult uncaught = run(definition.formatted("\"States.ALL\""), input, TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, uncaught.status());
    assertEquals("States.DataLimitExceeded", uncaught.error());
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "ExecutionFailed"), types(uncaught));
    ExecutionResult caught = run(definition.formatted("\"States.DataLimitExceeded\""), input, TaskInvoker.NONE);
    assertEquals(ExecutionStatus.SUCCEEDED, caught.status());
    assertEquals("States.DataLimitExceeded", caught.output().get("Error").textValue());
  }

  @Test
  void stopBeforeTheFirstTransition_stillStartsTheHistoryWithExecutionStarted() {
    var machine = StateMachineParser.parse(Json.parse(RETRYING_TASK));
    ExecutionState start = ExecutionState.start(EngineTestSupport.info(Json.parse("{}")), "T");
    Decision stopped = new Engine(() -> "t").step(machine, start, new Event.Stop("E", "C"), T0);
    assertEquals(List.of("ExecutionStarted", "ExecutionAborted"), stopped.events().stream().map(HistoryEvent::type).toList());
    assertEquals(ExecutionStatus.ABORTED, stopped.state().status());
  }
}
