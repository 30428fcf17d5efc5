package io.stepwise.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import java.util.List;

/** How an in-memory execution ended, with its full history. */
public record ExecutionResult(
    ExecutionStatus status, JsonNode output, String error, String cause, List<HistoryEvent> history,
    long transitions) {}
