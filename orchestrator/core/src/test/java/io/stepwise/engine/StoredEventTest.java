package io.stepwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

class StoredEventTest {
  @Test
  void everyEventOfARun_survivesStorageUnchanged_withThePayloadKeptApart() {
    ExecutionResult result = EngineTestSupport.run("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"q": "say \\"hi\\""}, "Next": "F"},
                                    "F": {"Type": "Fail", "Error": "E", "Cause": "C"}}}""", "{\"in\": [1, 2.5]}", TaskInvoker.NONE);
    for (HistoryEvent event : result.history()) {
      StoredEvent stored = StoredEvent.of(event);
      if (stored.payload() != null) assertFalse(stored.detailsJson().contains("\"" + stored.payloadField() + "\":"), event.type());
      assertEquals(event, stored.toEvent(), event.type());
    }
  }

  @Test
  void aStateEnteredTwice_storesTheSameDetailsText_asJacksonPrintsThem() {
    ExecutionResult result = EngineTestSupport.run("""
        {"StartAt": "Loop \\"1\\" \u00e9", "States": {
          "Loop \\"1\\" \u00e9": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 2, "Next": "Inc"}], "Default": "Done"},
          "Inc": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "Loop \\"1\\" \u00e9"},
          "Done": {"Type": "Succeed"}}}""", "{\"n\": 0}", TaskInvoker.NONE);
    int entered = 0;
    for (HistoryEvent event : result.history()) {
      if (event.details() == null) continue;
      assertEquals(Json.write(event.details()), StoredEvent.of(event).detailsJson(), event.type());
      if (event.type().equals("ChoiceStateEntered")) entered++;
    }
    assertEquals(3, entered);
  }
}
