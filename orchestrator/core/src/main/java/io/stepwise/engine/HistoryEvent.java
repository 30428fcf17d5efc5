package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One history event, shaped as GetExecutionHistory returns it: {@code type} is Step Functions'
 * event type ({@code PassStateEntered}, {@code TaskScheduled}, ...), {@code details} the value of
 * its {@code *EventDetails} member, named by {@code detailsKey} (null when the type has none).
 */
public record HistoryEvent(
    long id, long previousEventId, String type, Instant timestamp, String detailsKey, JsonNode details) {}
