package io.stepwise.runtime;

import io.stepwise.engine.ExecutionState;

/**
 * The stored execution: its engine state, the number of transitions applied ({@code seq}, the
 * version every conditional write checks), the state machine version it runs, and the message
 * that carries it on from here ({@code next}, null when it waits for a callback or has ended),
 * kept so that a send lost in a crash can be made again.
 */
public record ExecutionRecord(
    ExecutionState state, long seq, String stateMachineArn, int machineVersion, StepMessage next) {
  public String executionArn() {
    return state.info().executionArn();
  }

  public ExecutionRecord next(ExecutionState newState, StepMessage nextMessage) {
    return new ExecutionRecord(newState, seq + 1, stateMachineArn, machineVersion, nextMessage);
  }
}
