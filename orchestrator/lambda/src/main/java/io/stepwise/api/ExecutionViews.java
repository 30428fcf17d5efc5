package io.stepwise.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.ExecutionStore.TransitionEvents;
import java.time.Instant;
import java.util.List;

/** An execution as DescribeExecution shows it, read from its record and its last history event. */
final class ExecutionViews {
  private static final int TRANSITIONS_PER_READ = 4;

  private final ExecutionStore store;

  ExecutionViews(ExecutionStore store) {
    this.store = store;
  }

  ExecutionRecord load(String executionArn) {
    return store.load(executionArn)
        .orElseThrow(() -> new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'"));
  }

  /** When it ended: the time of its last history event; null while it runs. */
  Instant stopDate(ExecutionRecord record) {
    if (!record.state().isDone()) return null;
    for (long high = record.seq() - 1; high >= 0; high -= TRANSITIONS_PER_READ) {
      List<TransitionEvents> latest = store.transitions(record.key(), 0, high, true, TRANSITIONS_PER_READ);
      for (TransitionEvents transition : latest) {
        List<HistoryEvent> events = transition.events();
        if (!events.isEmpty()) return events.get(events.size() - 1).timestamp();
      }
      if (latest.isEmpty()) break;
    }
    return null;
  }

  /** DescribeExecution's shape (and the common part of StartSyncExecution's). */
  ObjectNode describe(ExecutionRecord record) {
    ExecutionState state = record.state();
    ObjectNode node = Json.object()
        .put("executionArn", record.key())
        .put("stateMachineArn", record.stateMachineArn())
        .put("name", state.info().name())
        .put("status", state.status().name());
    ExecutionOps.putOrigin(node, record.origin());
    node.set("startDate", Shapes.timestamp(state.info().startTime()));
    Shapes.putTime(node, "stopDate", stopDate(record));
    node.put("input", Json.write(state.info().input()));
    node.set("inputDetails", Shapes.included());
    if (state.status() == ExecutionStatus.SUCCEEDED && state.output() != null) {
      node.put("output", Json.write(state.output()));
      node.set("outputDetails", Shapes.included());
    }
    Shapes.putText(node, "error", state.error());
    Shapes.putText(node, "cause", state.cause());
    node.put("redriveCount", state.info().redriveCount());
    boolean redrivable = state.status() == ExecutionStatus.FAILED || state.status() == ExecutionStatus.TIMED_OUT
        || state.status() == ExecutionStatus.ABORTED;
    node.put("redriveStatus", redrivable ? "REDRIVABLE" : "NOT_REDRIVABLE");
    if (!redrivable) node.put("redriveStatusReason", "Execution is " + state.status() + " and cannot be redriven");
    return node;
  }
}
