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
 * @param reuseJoin after RedriveExecution of a failed Parallel or Map: the join whose succeeded
 *     children the next fan-out keeps instead of running them again; null otherwise
 * @param callbackToken for an execution started by a parent's {@code states:startExecution.sync}
 *     Task: the parent's task token, answered when this execution ends; null otherwise
 */
public record ExecutionRecord(
    String key, ExecutionState state, long seq, String stateMachineArn, int machineVersion, StepMessage next,
    ChildLink parent, String reuseJoin, String callbackToken, Origin origin) {

  /**
   * What StartExecution was given instead of the machine's own ARN: a published version's ARN,
   * or an alias's and the version its routing chose.
   *
   * @param aliasArn null when started by the version's ARN
   */
  public record Origin(String versionArn, String aliasArn) {}

  /** A top-level execution's record. */
  public ExecutionRecord(ExecutionState state, long seq, String stateMachineArn, int machineVersion, StepMessage next) {
    this(state.info().executionArn(), state, seq, stateMachineArn, machineVersion, next, null, null, null, null);
  }

  /** The record after one more transition; a join to reuse is used by that transition or not at all. */
  public ExecutionRecord next(ExecutionState newState, StepMessage nextMessage) {
    return new ExecutionRecord(key, newState, seq + 1, stateMachineArn, machineVersion, nextMessage, parent, null,
        callbackToken, origin);
  }

  public ExecutionRecord reusing(String joinKey) {
    return new ExecutionRecord(key, state, seq, stateMachineArn, machineVersion, next, parent, joinKey, callbackToken, origin);
  }

  public ExecutionRecord answering(String token) {
    return new ExecutionRecord(key, state, seq, stateMachineArn, machineVersion, next, parent, reuseJoin, token, origin);
  }

  public ExecutionRecord startedThrough(Origin started) {
    return new ExecutionRecord(key, state, seq, stateMachineArn, machineVersion, next, parent, reuseJoin, callbackToken, started);
  }
}
