package io.stepwise.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaseBudgetTest {
  private static final String MAP_OF_WAITS = """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "Next": "Call",
         "ItemProcessor": {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 5, "End": true}}}},
       "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 20,
         "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}],
         "End": true}}}""";

  @Test
  void transitions_countNestedStates_perInputElement() {
    // Each, Pause and Call; the input's three items may each run the processor.
    assertEquals(3 * 4, CaseBudget.transitions(Json.parse(MAP_OF_WAITS), Json.parse("{\"items\": [1, 2, 3]}")));
  }

  @Test
  void waiting_addsWaits_taskTimeouts_andEveryRetryInterval() {
    // Wait 5, TimeoutSeconds 20, retries 2 + 4 + 8.
    assertEquals(5 + 20 + 14, CaseBudget.waitingSeconds(Json.parse(MAP_OF_WAITS)));
  }

  @Test
  void waiting_isCappedByTheMachineTimeout_andMaxDelaySeconds() {
    String capped = """
        {"StartAt": "W", "TimeoutSeconds": 30, "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";
    assertEquals(30, CaseBudget.waitingSeconds(Json.parse(capped)));
    String maxDelay = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "MaxAttempts": 4, "MaxDelaySeconds": 15}]}}}""";
    assertEquals(10 + 15 + 15 + 15, CaseBudget.waitingSeconds(Json.parse(maxDelay)));
  }

  @Test
  void budget_isTheFloor_plusTheRunsTransitions_plusTheCasesWaits() {
    Duration budget = CaseBudget.of(Json.parse(MAP_OF_WAITS), 1000);
    assertEquals(CaseBudget.FLOOR.plus(CaseBudget.PER_TRANSITION.multipliedBy(1000)).plusSeconds(39), budget);
  }
}
