package io.stepwise.runtime;

import io.stepwise.engine.ExecutionState;

/**
 * The stored execution: its engine state, the number of transitions applied ({@code seq}, the
 * version every conditional write checks), and the state machine version it runs.
 */
public record ExecutionRecord(ExecutionState state, long seq, String stateMachineArn, int machineVersion) {
  public String executionArn() {
    return state.info().executionArn();
  }

  public ExecutionRecord next(ExecutionState newState) {
    return new ExecutionRecord(newState, seq + 1, stateMachineArn, machineVersion);
  }
}
