package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.json.Json;
import java.util.List;

/**
 * TestState's {@code stateConfiguration}: the run the tested state is part of. How many retries
 * its Retry has already taken, how many of a mocked Map's iterations failed, which state inside a
 * Map or Parallel a mocked error comes from, and what a mocked Map's ItemReader read.
 *
 * @param readerItems the items in {@code mapItemReaderData}: a JSON array's length, else its lines
 */
record TestStateConfiguration(int retrierRetryCount, int mapIterationFailureCount, String errorCausedByState,
    int readerItems) {

  static TestStateConfiguration of(JsonNode body, State tested) {
    if (body == null || body.isNull()) return new TestStateConfiguration(0, 0, null, 0);
    int retries = count(body, "retrierRetryCount");
    int failures = count(body, "mapIterationFailureCount");
    String causedBy = body.path("errorCausedByState").asText(null);
    if (causedBy != null) {
      if (causedBy.isEmpty() || causedBy.length() > 80) {
        throw ApiErrors.validation("Value at 'stateConfiguration.errorCausedByState' failed to satisfy constraint: "
            + "Member must have length between 1 and 80");
      }
      if (!within(tested).stream().anyMatch(m -> holds(m, causedBy))) {
        throw ApiErrors.refused("stateConfiguration.errorCausedByState '" + causedBy
            + "' is not a state of the tested Map's ItemProcessor or Parallel's branches");
      }
    }
    String data = body.path("mapItemReaderData").asText(null);
    return new TestStateConfiguration(retries, failures, causedBy, data == null ? 0 : items(data));
  }

  private static int count(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) return 0;
    if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
      throw ApiErrors.validation("Value at 'stateConfiguration." + field + "' failed to satisfy constraint: "
          + "Member must have value greater than or equal to 0");
    }
    return value.asInt();
  }

  /** The machines whose states an error may come from: a Map's processor, a Parallel's branches. */
  private static List<StateMachine> within(State tested) {
    if (tested instanceof State.Map map) return List.of(map.processor());
    if (tested instanceof State.Parallel parallel) return parallel.branches();
    return List.of();
  }

  private static boolean holds(StateMachine machine, String name) {
    if (machine.states().containsKey(name)) return true;
    return machine.states().values().stream().anyMatch(state -> within(state).stream().anyMatch(m -> holds(m, name)));
  }

  private static int items(String data) {
    try {
      JsonNode parsed = Json.parse(data);
      if (parsed.isArray()) return parsed.size();
    } catch (IllegalArgumentException e) {
      // not JSON: CSV or JSON Lines, an item a line
    }
    return (int) data.lines().filter(line -> !line.isBlank()).count();
  }
}
