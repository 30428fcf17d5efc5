package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** How one Parallel branch or Map iteration ended. */
public record ChildOutcome(int index, boolean succeeded, JsonNode output, String error, String cause) {
  public static ChildOutcome success(int index, JsonNode output) {
    return new ChildOutcome(index, true, output, null, null);
  }

  public static ChildOutcome failure(int index, String error, String cause) {
    return new ChildOutcome(index, false, null, error, cause);
  }
}
