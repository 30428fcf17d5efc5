package io.stepwise.runtime;

import io.stepwise.engine.ExecutionState;

/**
 * The stored execution: its engine state, the number of transitions applied ({@code seq}, the
 * version every conditional write checks), the state machine version it runs, and the message
 * that carries it on from here ({@code next}, null when it waits or has ended), kept so that a
 * send lost in a crash can be made again.
 *
 * @param key the record's identity: the execution ARN, or for a Parallel branch or Map
 *     iteration running on its own, {@link ChildLink#childKey}
 * @param parent for a branch or iteration, where it belongs; null for an execution
 */
public record ExecutionRecord(
    String key, ExecutionState state, long seq, String stateMachineArn, int machineVersion, StepMessage next,
    ChildLink parent) {

  /** A top-level execution's record. */
  public ExecutionRecord(ExecutionState state, long seq, String stateMachineArn, int machineVersion, StepMessage next) {
    this(state.info().executionArn(), state, seq, stateMachineArn, machineVersion, next, null);
  }

  public ExecutionRecord next(ExecutionState newState, StepMessage nextMessage) {
    return new ExecutionRecord(key, newState, seq + 1, stateMachineArn, machineVersion, nextMessage, parent);
  }
}
