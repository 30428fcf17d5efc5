package io.stepwise.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.express.ExpressResult;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;

/** What the API answers about Express executions, in Step Functions' shapes. */
final class ExpressResponses {
  private ExpressResponses() {}

  /** StartSyncExecution's response: the end, its data, and what Step Functions would bill. */
  static ObjectNode startSync(ExpressResult result) {
    var start = result.start();
    ObjectNode node = Json.object().put("executionArn", start.executionArn())
        .put("stateMachineArn", start.stateMachineArn()).put("name", start.name());
    node.set("startDate", Shapes.timestamp(start.startDate()));
    node.set("stopDate", Shapes.timestamp(result.stopDate()));
    // A sync execution ends SUCCEEDED, FAILED or TIMED_OUT.
    node.put("status", result.status() == ExecutionStatus.ABORTED ? "FAILED" : result.status().name());
    Shapes.putText(node, "error", result.error());
    Shapes.putText(node, "cause", result.cause());
    node.put("input", Json.write(start.input()));
    node.set("inputDetails", Shapes.included());
    if (result.status() == ExecutionStatus.SUCCEEDED && result.output() != null) {
      node.put("output", Json.write(result.output()));
    }
    node.set("outputDetails", Shapes.included());
    node.set("billingDetails", Json.object().put("billedMemoryUsedInMB", ExpressResult.BILLED_MEMORY_MB)
        .put("billedDurationInMilliseconds", result.billedDurationMillis()));
    return node;
  }

  /** ListExecutions of an EXPRESS machine: its executions are in its log group, not listed here. */
  static ApiException notListable() {
    return new ApiException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
  }
}
