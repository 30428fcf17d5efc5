package io.stepwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
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
}
