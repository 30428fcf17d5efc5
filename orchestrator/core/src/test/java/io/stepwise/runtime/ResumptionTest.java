package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table outlives the queue (the local stack restarted on its data directory): at every
 * point of a run, the queue loses every message, {@link Resumption} puts them back from the
 * records, and the executions end exactly as an undisturbed run does.
 */
class ResumptionTest {
  /** Waits, loops, waits for a callback with a heartbeat, then fans out over items that wait. */
  private static final String MACHINE = """
      {"StartAt": "Init", "TimeoutSeconds": 3600, "States": {
        "Init": {"Type": "Pass", "Parameters": {"count": 0, "items.$": "$.items"}, "Next": "Nap"},
        "Nap": {"Type": "Wait", "Seconds": 5, "Next": "Count"},
        "Count": {"Type": "Pass", "Parameters": {"count.$": "States.MathAdd($.count, 1)", "items.$": "$.items"}, "Next": "More"},
        "More": {"Type": "Choice", "Choices": [{"Variable": "$.count", "NumericLessThan": 2, "Next": "Nap"}], "Default": "Ask"},
        "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "HeartbeatSeconds": 600,
          "TimeoutSeconds": 900, "Parameters": {"FunctionName": "f", "Payload": {"token.$": "$$.Task.Token"}},
          "ResultPath": "$.answer", "Next": "Fan"},
        "Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ResultPath": "$.doubled", "End": true,
          "ItemProcessor": {"StartAt": "Hold", "States": {
            "Hold": {"Type": "Wait", "Seconds": 3, "Next": "Double"},
            "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}}}}}""";

  private static VirtualRuntime runtime() {
    return new VirtualRuntime(call -> TaskOutcome.success(Json.object()));
  }

  /**
   * Runs to the end; the queue loses everything after {@code loseAfter} deliveries. A waiting
   * task is answered as soon as its transition has committed, and the answer is delivered
   * before anything else can be lost: a callback accepted in the instant before a crash, its
   * message not yet delivered, is the one thing the records cannot give back (README).
   */
  private static void runToTheEnd(VirtualRuntime runtime, String arn, int loseAfter) {
    for (int delivered = 0; !runtime.done(arn); delivered++) {
      if (delivered == loseAfter) {
        runtime.queue.loseEverything();
        new Resumption(runtime.store, runtime.joins, runtime.tokens, runtime.machines, runtime.queue, runtime.queue)
            .resumeAll();
      }
      runtime.run(1);
      String token = runtime.record(arn).state().taskToken();
      if (token != null) {
        runtime.callbacks.sendTaskSuccess(token, "{\"ok\": true}");
        while (token.equals(runtime.record(arn).state().taskToken())) runtime.run(1);
      }
      if (delivered > 10_000) throw new AssertionError("no end in sight");
    }
  }

  private static List<String> outcome(VirtualRuntime runtime, String arn) {
    var state = runtime.record(arn).state();
    List<String> lines = new ArrayList<>(List.of(state.status() + " " + state.output()));
    runtime.history(arn).forEach(line -> lines.add(line.replace(arn, "ARN").replaceAll("[A-Za-z0-9_-]{64}", "TOKEN")));
    return lines;
  }

  @Test
  void queueLostAtAnyPoint_resumptionFromTheRecords_endsAsTheUndisturbedRun() {
    VirtualRuntime undisturbed = runtime();
    String base = undisturbed.start(undisturbed.machine("m", MACHINE), "e", "{\"items\": [1, 2, 3]}");
    runToTheEnd(undisturbed, base, -1);
    List<String> expected = outcome(undisturbed, base);
    assertTrue(expected.get(0).startsWith("SUCCEEDED"), expected.get(0));
    for (int loseAfter = 0; loseAfter < 40; loseAfter++) {
      VirtualRuntime runtime = runtime();
      String arn = runtime.start(runtime.machine("m", MACHINE), "e", "{\"items\": [1, 2, 3]}");
      runToTheEnd(runtime, arn, loseAfter);
      assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status(), "lost after " + loseAfter);
      assertEquals(expected, outcome(runtime, arn), "lost after " + loseAfter);
    }
  }
}
