package io.stepwise.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.Event;

/** A Task call's result, or its error and cause. */
public record TaskOutcome(JsonNode result, String error, String cause) {
  public static TaskOutcome success(JsonNode result) {
    return new TaskOutcome(result, null, null);
  }

  public static TaskOutcome failure(String error, String cause) {
    return new TaskOutcome(null, error, cause);
  }

  /** The engine's event for this outcome, the one place a call's outcome becomes one: a call with no result failed. */
  public Event event() {
    return succeeded() ? new Event.TaskSucceeded(result) : new Event.TaskFailed(error, cause);
  }

  public boolean succeeded() {
    return error == null && cause == null && result != null;
  }
}
