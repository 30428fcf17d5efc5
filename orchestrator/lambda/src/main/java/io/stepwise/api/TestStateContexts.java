package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * TestState's {@code context}: the context object ({@code $$}) the state sees, given whole, checked
 * as Step Functions checks it. Its members are those of a running execution's context (no
 * {@code Map}), each of its kind; {@code Task} only for a Task that waits (.sync or
 * .waitForTaskToken).
 */
final class TestStateContexts {
  private static final String INVALID = "Invalid Context object provided: ";
  /** Each member's fields: text, but for the counts and the execution's input. */
  private static final Map<String, Set<String>> FIELDS = Map.of(
      "Execution", Set.of("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"),
      "State", Set.of("EnteredTime", "Name", "RetryCount"),
      "StateMachine", Set.of("Id", "Name"),
      "Task", Set.of("Token"));
  private static final Set<String> NUMBERS = Set.of("RedriveCount", "RetryCount");
  private static final Set<String> ANY = Set.of("Input");

  private TestStateContexts() {}

  /** @return the context given, checked; null when the request gives none */
  static ObjectNode of(String text, State tested) {
    if (text == null) return null;
    JsonNode context;
    try {
      context = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiErrors.refused(INVALID + "it is not valid JSON");
    }
    if (!context.isObject()) throw ApiErrors.refused(INVALID + "it must be a JSON object");
    for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      if (name.equals("Map")) throw ApiErrors.refused(INVALID + "'Map' field is not supported when mocking a Context object");
      Set<String> fields = FIELDS.get(name);
      if (fields == null) throw ApiErrors.refused(INVALID + "Field '" + name + "' is not allowed");
      if (name.equals("Task") && !waits(tested)) {
        throw ApiErrors.refused(INVALID + "Context object contains 'Task' when state is not a Task state with a "
            + "'.sync' or '.waitForTaskToken' service integration pattern");
      }
      if (!member.getValue().isObject()) throw ApiErrors.refused(INVALID + name + " must be an object");
      for (Iterator<Map.Entry<String, JsonNode>> f = member.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> field = f.next();
        String key = field.getKey();
        if (!fields.contains(key)) throw ApiErrors.refused(INVALID + "Field '" + key + "' is not allowed");
        JsonNode value = field.getValue();
        if (ANY.contains(key) || value.isNull()) continue;
        if (NUMBERS.contains(key) ? !value.isIntegralNumber() : !value.isTextual()) {
          throw ApiErrors.refused(INVALID + name + "." + key + " must be " + (NUMBERS.contains(key) ? "a number" : "a string"));
        }
      }
    }
    return (ObjectNode) context;
  }

  private static boolean waits(State tested) {
    if (!(tested instanceof State.Task task)) return false;
    return task.resource().endsWith(".sync") || task.resource().contains(".sync:") || task.resource().endsWith(".waitForTaskToken");
  }
}
