package io.stepwise.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.json.Json;
import java.time.Instant;

/** The context object ({@code $$}): the execution, the current state, the machine and the task token. */
final class ContextObject {
  private ContextObject() {}

  /**
   * @param state the current state, or null when there is none
   * @param taskToken null unless the current Task waits for a callback
   */
  static ObjectNode of(ExecutionInfo info, State state, String stateName, Instant enteredTime, int retryCount,
      String taskToken) {
    ObjectNode context = Json.object();
    context.set("Execution", info.contextExecution());
    ObjectNode stateNode = Json.object();
    stateNode.put("EnteredTime", Timestamps.format(enteredTime));
    stateNode.put("Name", stateName);
    // AWS gives RetryCount only to the states that can retry.
    if (state != null && canRetry(state)) stateNode.put("RetryCount", retryCount);
    context.set("State", stateNode);
    context.set("StateMachine", info.contextStateMachine());
    if (taskToken != null) context.set("Task", Json.object().put("Token", taskToken));
    return context;
  }

  /** A context given whole (TestState's {@code context}); the Task's own token when it names none. */
  static ObjectNode given(ObjectNode context, String taskToken) {
    ObjectNode copy = context.deepCopy();
    if (taskToken != null && !copy.has("Task")) copy.set("Task", Json.object().put("Token", taskToken));
    return copy;
  }

  private static boolean canRetry(State state) {
    return state instanceof State.Task || state instanceof State.Parallel || state instanceof State.Map;
  }
}
