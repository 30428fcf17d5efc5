package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.JsonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs to take the next step of one execution: a plain value, stored by
 * the runtime between transitions.
 *
 * @param currentState the state being run (null once done)
 * @param stateInput the current state's raw input
 * @param stateInputJson the same as JSON text, once serialized (history and storage reuse it, and
 *     the state's output copies the spans of the subtrees it shares with it)
 * @param enteredEventId the id of the current state's StateEntered event, cited in error causes
 * @param lastEventId the id of the last history event written
 * @param previousEventId the event the next one links to: usually the last, not always (see History)
 * @param retryCount retries so far in the current state ({@code $$.State.RetryCount})
 * @param retrierAttempts attempts used per retrier of the current state
 * @param taskToken the current Task's token when it waits for a callback, else null
 * @param transitions state transitions taken, the unit Step Functions bills
 */
public record ExecutionState(
    ExecutionInfo info, ExecutionStatus status, Phase phase, String currentState, JsonNode stateInput,
    JsonText stateInputJson,
    Instant stateEnteredTime, long enteredEventId, long lastEventId, long previousEventId, int retryCount,
    List<Integer> retrierAttempts, Map<String, JsonNode> variables, String taskToken,
    JsonNode output, String error, String cause, long transitions) {

  /** A new execution, about to enter {@code startAt}. */
  public static ExecutionState start(ExecutionInfo info, String startAt) {
    return new ExecutionState(info, ExecutionStatus.RUNNING, Phase.ENTER, startAt, info.input(), null, null,
        0, 0, 0, 0, List.of(), Map.of(), null, null, null, null, 0);
  }

  /**
   * Child {@code index} (a Parallel branch or Map iteration) of state {@code stateName} of
   * execution {@code info}: it starts with {@code input} and reads the parent's {@code variables}. Its events are numbered from 1, the first linked to 0
   * (its start); the parent renumbers them into its own history when it joins.
   */
  public static ExecutionState child(ExecutionInfo info, String stateName, int index, String startAt, JsonNode input,
      Map<String, JsonNode> variables) {
    return new ExecutionState(info.child(stateName, index), ExecutionStatus.RUNNING, Phase.ENTER, startAt, input, null, null,
        0, 0, 0, 0, List.of(), variables, null, null, null, null, 0);
  }

  /** The same state with {@code newInfo} (a store restoring what it did not keep). */
  public ExecutionState withInfo(ExecutionInfo newInfo) {
    return new ExecutionState(newInfo, status, phase, currentState, stateInput, stateInputJson, stateEnteredTime,
        enteredEventId, lastEventId, previousEventId, retryCount, retrierAttempts, variables, taskToken, output, error, cause, transitions);
  }

  public boolean isDone() {
    return status.isTerminal();
  }
}
