package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.Histories;
import io.stepwise.runtime.faults.FlakyTasks;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The crash-point and duplicate/reorder scenarios of {@code RuntimeFaultTest}, on the in-memory
 * twins and virtual time, over every transition kind: task (with Retry, Catch), wait, fan-out,
 * join, callback, stop and redrive. A crash after each side effect of a run, then redelivery,
 * must end exactly as the fault-free run did: same status, output and history.
 */
class InMemoryFaultTest {
  private static final String CALLBACK = """
      {"StartAt": "Ask", "States": {
        "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "worker", "Payload": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
          "HeartbeatSeconds": 60, "TimeoutSeconds": 300, "ResultPath": "$.answer", "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";
  private static final String ACTIVITY = """
      {"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:000000000000:activity:worker",
          "HeartbeatSeconds": 60, "TimeoutSeconds": 300, "ResultPath": "$.answer", "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";
  private static final String ACTIVITY_TIMES_OUT = """
      {"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:000000000000:activity:worker", "TimeoutSeconds": 30,
          "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "Caught"}], "Next": "Done"},
        "Caught": {"Type": "Pass", "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";
  private static final String STOPS_A_SIBLING = """
      {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "Next": "Caught",
        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Caught"}], "Branches": [
        {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 1, "Next": "Fail"},
          "Fail": {"Type": "Fail", "Error": "Branch.Broke", "Cause": "on purpose"}}},
        {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}}]},
        "Caught": {"Type": "Pass", "End": true}}}""";
  private static final String FAILS_UNTIL_REDRIVEN = """
      {"StartAt": "Prepare", "States": {
        "Prepare": {"Type": "Pass", "Parameters": {"order.$": "$.order"}, "Next": "Each"},
        "Each": {"Type": "Map", "MaxConcurrency": 1, "ItemsPath": "$$.Execution.Input.items", "ResultPath": "$.results", "Next": "Done",
          "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "once", "Payload.$": "$"},
            "OutputPath": "$.Payload", "End": true}}}},
        "Done": {"Type": "Succeed"}}}""";

  /** One scenario: a machine, its tasks (made for the runtime they run in), and what the test does between runs. */
  private record Scenario(String name, String definition, String input,
      Function<AtomicReference<VirtualRuntime>, TaskInvoker> tasks, boolean redrive) {}

  private static final AtomicBoolean REDRIVEN = new AtomicBoolean();

  private static TaskInvoker flaky(AtomicReference<VirtualRuntime> runtime) {
    return new FlakyTasks();
  }

  /** A task worker that calls back at once, before the transition that handed out its token commits. */
  private static TaskInvoker callsBack(AtomicReference<VirtualRuntime> runtime) {
    return call -> {
      String token = call.payload().path("Payload").path("token").asText();
      runtime.get().callbacks.sendTaskSuccess(token, "{\"ok\": \"" + call.payload().path("Payload").path("order").asText() + "\"}");
      return TaskOutcome.success(Json.object());
    };
  }

  /**
   * An activity's worker that takes the task (ActivityStarted, a transition of its own) and
   * answers at once, both before the transition that queued the task commits.
   */
  private static TaskInvoker takesTheActivity(AtomicReference<VirtualRuntime> runtime) {
    return call -> {
      runtime.get().callbacks.activityStarted(call.token(), "worker-1");
      runtime.get().callbacks.sendTaskSuccess(call.token(), "{\"ok\": true}");
      return TaskOutcome.success(Json.object());
    };
  }

  /** An activity's worker that takes the task and never answers: its timeout comes after ActivityStarted. */
  private static TaskInvoker takesTheActivityOnly(AtomicReference<VirtualRuntime> runtime) {
    return call -> {
      runtime.get().callbacks.activityStarted(call.token(), null);
      return TaskOutcome.success(Json.object());
    };
  }

  /** Item 2 fails until the test redrives: the redriven Map runs it again, keeping the others. */
  private static TaskInvoker failsUntilRedriven(AtomicReference<VirtualRuntime> runtime) {
    return call -> {
      int item = call.payload().path("Payload").asInt();
      if (item == 2 && !REDRIVEN.get()) return TaskOutcome.failure("Item.Broke", "not yet");
      return TaskOutcome.success(Json.parse("{\"Payload\": " + (item * 10) + "}"));
    };
  }

  private static final List<Scenario> SCENARIOS = List.of(
      new Scenario("task, retry, wait, catch", FlakyTasks.MACHINE, "{\"order\": \"o\"}", InMemoryFaultTest::flaky, false),
      new Scenario("fan-out and join", FlakyTasks.FAN_OUT, "{\"order\": \"o\"}", InMemoryFaultTest::flaky, false),
      new Scenario("callback", CALLBACK, "{\"order\": \"o\"}", InMemoryFaultTest::callsBack, false),
      new Scenario("activity started, then answered", ACTIVITY, "{}", InMemoryFaultTest::takesTheActivity, false),
      new Scenario("activity started, then timed out, caught", ACTIVITY_TIMES_OUT, "{}",
          InMemoryFaultTest::takesTheActivityOnly, false),
      new Scenario("stop a sibling", STOPS_A_SIBLING, "{}", InMemoryFaultTest::flaky, false),
      new Scenario("redrive", FAILS_UNTIL_REDRIVEN, "{\"order\": \"o\", \"items\": [1, 2, 3]}",
          InMemoryFaultTest::failsUntilRedriven, true));

  private static VirtualRuntime runtime(Scenario scenario, UnaryOperator<StepQueue> sends) {
    AtomicReference<VirtualRuntime> ref = new AtomicReference<>();
    VirtualRuntime runtime = new VirtualRuntime(call -> ref.get() == null ? null : scenario.tasks().apply(ref).invoke(call),
        new Engine(Entropy.secure()), 1000, sends);
    ref.set(runtime);
    return runtime;
  }

  /** Runs the executions to their end, redriving them once when the scenario says so. */
  private static int runToTheEnd(VirtualRuntime runtime, Scenario scenario, List<String> arns) {
    REDRIVEN.set(false);
    runtime.runUntilDone(arns);
    if (scenario.redrive()) {
      for (String arn : arns) assertEquals(ExecutionStatus.FAILED, runtime.record(arn).state().status(), arn);
      REDRIVEN.set(true);
      for (String arn : arns) runtime.redrive(arn);
      runtime.runUntilDone(arns);
    }
    return runtime.run(100_000);
  }

  /** Status, output and history, with the execution's name and task tokens made neutral. */
  private static List<String> outcome(VirtualRuntime runtime, String arn) {
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    List<String> lines = new ArrayList<>();
    var state = runtime.record(arn).state();
    lines.add(state.status() + " " + state.output() + " " + state.error());
    lines.addAll(runtime.history(arn));
    return lines.stream().map(l -> l.replace(name, "NAME").replaceAll("[A-Za-z0-9_-]{64}", "TOKEN")).toList();
  }

  @Test
  void crashAfterEverySideEffect_ofEveryTransitionKind_endsAsTheFaultFreeRun() {
    int scenarios = 0;
    for (Scenario scenario : SCENARIOS) {
      VirtualRuntime runtime = runtime(scenario, UnaryOperator.identity());
      String machine = runtime.machine("m", scenario.definition());
      String base = runtime.start(machine, "base", scenario.input());
      runToTheEnd(runtime, scenario, List.of(base));
      List<String> expected = outcome(runtime, base);
      int sideEffects = runtime.plan.sideEffects(base);
      assertTrue(sideEffects > 5, scenario.name() + ": " + sideEffects);
      List<String> arns = new ArrayList<>();
      for (int k = 1; k <= sideEffects; k++) {
        String arn = runtime.start(machine, "crash" + k, scenario.input());
        runtime.plan.crash(arn, k);
        arns.add(arn);
      }
      int crashes = runToTheEnd(runtime, scenario, arns);
      assertEquals(sideEffects, crashes, scenario.name() + ": one crash per scenario");
      boolean fansOut = scenario.definition().contains("\"Parallel\"") || scenario.definition().contains("\"Map\"");
      for (String arn : arns) {
        Histories.assertSameEvents(expected, outcome(runtime, arn), fansOut, scenario.name() + " " + arn
            + " crashed after " + runtime.plan.crashedAfter(arn));
      }
      scenarios += sideEffects;
    }
    System.out.println("in-memory crash scenarios run: " + scenarios);
  }

  /**
   * Every commit crashes before its next message goes out, so every transition after the first
   * is made by a resent copy, whose own worker crashes too: its redelivery must resend again
   * (one generation on), or the execution wedges.
   */
  @Test
  void crashAfterEveryCommit_theResendsCommitterToo_endsAsTheFaultFreeRun_eachTransitionOnce() {
    for (Scenario scenario : SCENARIOS) {
      VirtualRuntime runtime = runtime(scenario, UnaryOperator.identity());
      String machine = runtime.machine("m", scenario.definition());
      String base = runtime.start(machine, "base", scenario.input());
      runToTheEnd(runtime, scenario, List.of(base));
      int commits = runtime.plan.commits(base);
      assertTrue(commits >= 3, scenario.name() + ": " + commits);
      String arn = runtime.start(machine, "crashes", scenario.input());
      runtime.plan.crashAfterCommits(arn, Integer.MAX_VALUE);
      int crashes = runToTheEnd(runtime, scenario, List.of(arn));
      assertEquals(commits, crashes, scenario.name() + ": a crash after each commit");
      assertEquals(commits, runtime.plan.commits(arn), scenario.name() + ": each transition committed once");
      boolean fansOut = scenario.definition().contains("\"Parallel\"") || scenario.definition().contains("\"Map\"");
      Histories.assertSameEvents(outcome(runtime, base), outcome(runtime, arn), fansOut, scenario.name());
    }
  }

  @Test
  void everyMessageTwice_theCopyLate_endsAsTheFaultFreeRun() {
    for (Scenario scenario : SCENARIOS) {
      VirtualRuntime plain = runtime(scenario, UnaryOperator.identity());
      String base = plain.start(plain.machine("m", scenario.definition()), "base", scenario.input());
      runToTheEnd(plain, scenario, List.of(base));
      VirtualRuntime twice = runtime(scenario, queue -> (message, delay) -> {
        queue.send(message, delay);
        queue.send(message, Math.min(900, delay + 2));
      });
      String copy = twice.start(twice.machine("m", scenario.definition()), "base", scenario.input());
      runToTheEnd(twice, scenario, List.of(copy));
      assertEquals(outcome(plain, base), outcome(twice, copy), scenario.name());
    }
  }

  /**
   * The worker's ActivityStarted message comes late, after the task's answer or timeout (SQS
   * keeps no order): ActivityStarted is still written first, and the run ends as when it came first.
   */
  @Test
  void activityStartedOvertaken_isWrittenFirst_endsAsTheFaultFreeRun() {
    for (Scenario scenario : SCENARIOS.stream().filter(s -> s.name().startsWith("activity")).toList()) {
      VirtualRuntime plain = runtime(scenario, UnaryOperator.identity());
      String base = plain.start(plain.machine("m", scenario.definition()), "base", scenario.input());
      runToTheEnd(plain, scenario, List.of(base));
      VirtualRuntime late = runtime(scenario, queue -> (message, delay) ->
          queue.send(message, message.kind() == StepMessage.Kind.ACTIVITY_STARTED ? delay + 60 : delay));
      String overtaken = late.start(late.machine("m", scenario.definition()), "base", scenario.input());
      runToTheEnd(late, scenario, List.of(overtaken));
      List<String> expected = outcome(plain, base);
      assertTrue(expected.get(4).contains("ActivityStarted"), scenario.name() + ": " + expected);
      assertEquals(expected, outcome(late, overtaken), scenario.name());
    }
  }
}
