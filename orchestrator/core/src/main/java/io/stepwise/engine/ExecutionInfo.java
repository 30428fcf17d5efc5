package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;

/**
 * What never changes during an execution: its identity, input and start time.
 *
 * @param redriveCount redrives so far; -1 for a TestState run, which is no execution that can be
 *     redriven and whose context shows no RedriveCount (AWS's recordings)
 * @param isChild true for a Parallel branch or Map iteration, which has no Execution* events
 * @param branch where a child runs within its execution ({@code "Map[2]/Inner[0]"}); empty for
 *     the execution itself. It tells apart the seeds of children that are otherwise alike.
 */
public record ExecutionInfo(
    String executionArn, String name, String stateMachineArn, String stateMachineName,
    JsonNode input, Instant startTime, String roleArn, int redriveCount, boolean isChild, String branch) {

  /** An execution itself, not one of its children. */
  public ExecutionInfo(String executionArn, String name, String stateMachineArn, String stateMachineName,
      JsonNode input, Instant startTime, String roleArn, int redriveCount, boolean isChild) {
    this(executionArn, name, stateMachineArn, stateMachineName, input, startTime, roleArn, redriveCount, isChild, "");
  }

  /**
   * The same execution's identity for child {@code index} of the Parallel or Map state
   * {@code stateName} run within it.
   */
  public ExecutionInfo child(String stateName, int index) {
    String place = stateName + "[" + index + "]";
    return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, input, startTime, roleArn,
        redriveCount, true, branch.isEmpty() ? place : branch + "/" + place);
  }

  /** The same execution, redriven once more ({@code $$.Execution.RedriveCount}). */
  public ExecutionInfo redriven() {
    return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, input, startTime, roleArn,
        redriveCount + 1, isChild, branch);
  }

  public ExecutionInfo withInput(JsonNode executionInput) {
    return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, executionInput, startTime, roleArn,
        redriveCount, isChild, branch);
  }

  /** The {@code Execution} member of the context object. */
  public ObjectNode contextExecution() {
    ObjectNode execution = Json.object();
    execution.put("Id", executionArn);
    execution.set("Input", input);
    execution.put("Name", name);
    execution.put("RoleArn", roleArn);
    execution.put("StartTime", Timestamps.format(startTime));
    if (redriveCount >= 0) execution.put("RedriveCount", redriveCount);
    return execution;
  }

  /** The {@code StateMachine} member of the context object. */
  public ObjectNode contextStateMachine() {
    ObjectNode machine = Json.object();
    machine.put("Id", stateMachineArn);
    machine.put("Name", stateMachineName);
    return machine;
  }
}
