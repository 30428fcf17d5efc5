package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/**
 * A payload template field whose path ends in an index past the end of an array is null on AWS,
 * while the same path as an intrinsic's argument, or a miss anywhere else, fails the state. Run
 * against AWS in us-east-1 for floci-io/floci PR #3002 (its AslExecutorIntrinsicMissingArgumentTest:
 * "A plain "idx.$": "$.items[5]" resolves to null on AWS and the execution succeeds, while the
 * same path as an intrinsic argument is a miss") and PR #3167 ("An array index past the end
 * resolves to null").
 */
class PayloadIndexPastTheEndTest {
  private static ExecutionResult pass(String parameters, String input) {
    return run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": " + parameters
        + ", \"End\": true}}}", input, TaskInvoker.NONE);
  }

  @Test
  void anIndexPastTheEnd_isNull() {
    ExecutionResult result = pass("{\"idx.$\": \"$.items[5]\", \"back.$\": \"$.items[-5]\"}", "{\"items\": [1, 2]}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
    assertEquals(Json.parse("{\"idx\": null, \"back\": null}"), result.output());
  }

  @Test
  void aStepPastTheMissingElement_orAnIndexIntoANonArray_stillFails() {
    ExecutionResult deeper = pass("{\"idx.$\": \"$.items[5].x\"}", "{\"items\": [1]}");
    assertEquals("States.Runtime", deeper.error());
    assertEquals("An error occurred while executing the state 'P' (entered at the event id #2). The JSONPath "
        + "'$.items[5].x' specified for the field 'idx.$' could not be found in the input '{\"items\":[1]}'",
        deeper.cause());
    assertEquals("States.Runtime", pass("{\"idx.$\": \"$.other[0]\"}", "{\"other\": 1}").error());
  }

  @Test
  void theSamePathAsAnIntrinsicsArgument_fails() {
    ExecutionResult result = pass("{\"v.$\": \"States.Format('{}', $.items[5])\"}", "{\"items\": [1, 2]}");
    assertEquals("States.Runtime", result.error());
    assertEquals("An error occurred while executing the state 'P' (entered at the event id #2). The function "
        + "'States.Format('{}', $.items[5])' had the following error: The JsonPath argument for the field "
        + "'$.items[5]' could not be found in the input '{\"items\":[1,2]}'", result.cause());
  }
}
