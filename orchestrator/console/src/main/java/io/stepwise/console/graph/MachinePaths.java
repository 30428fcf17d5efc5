package io.stepwise.console.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The branch or item processor a child execution runs, found in the root definition by the path
 * the runtime gives it: {@code StateName:branch} segments joined by {@code /}, branch -1 for a
 * Map's processor ({@code "Map:-1"}, {@code "P:2/Inner:-1"}).
 */
public final class MachinePaths {
  private MachinePaths() {}

  /** @throws IllegalArgumentException naming the segment that does not lead anywhere */
  public static JsonNode select(JsonNode definition, String path) {
    JsonNode machine = definition;
    if (path == null || path.isEmpty()) return machine;
    for (String segment : path.split("/")) {
      int colon = segment.lastIndexOf(':');
      if (colon < 0) throw new IllegalArgumentException("path segment '" + segment + "' is not State:branch");
      String name = segment.substring(0, colon);
      int branch;
      try {
        branch = Integer.parseInt(segment.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("path segment '" + segment + "' has no branch number");
      }
      JsonNode state = machine.path("States").path(name);
      JsonNode next = branch < 0
          ? (state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator"))
          : state.path("Branches").path(branch);
      if (!next.has("States")) throw new IllegalArgumentException("no branch or item processor at '" + segment + "'");
      machine = next;
    }
    return machine;
  }
}
