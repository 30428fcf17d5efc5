package io.stepwise.express;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.json.Json;
import io.stepwise.runtime.StepMessage;
import java.time.Instant;

/**
 * An Express execution as StartExecution or StartSyncExecution accepted it: everything its run
 * needs, so the run reads nothing but the machine's definition. It travels whole in one queue
 * message for StartExecution.
 *
 * @param machineVersion the stored version of the definition it runs
 */
public record ExpressStart(
    String executionArn, String name, String stateMachineArn, String stateMachineName, int machineVersion,
    String roleArn, JsonNode input, Instant startDate) {

  public ExecutionInfo info() {
    return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, input, startDate, roleArn, 0, false);
  }

  /** The queue message that runs it. */
  public StepMessage toMessage() {
    ObjectNode body = Json.object().put("name", name).put("stateMachineArn", stateMachineArn)
        .put("stateMachineName", stateMachineName).put("version", machineVersion).put("roleArn", roleArn)
        .put("startDate", startDate.toEpochMilli());
    body.set("input", input);
    return new StepMessage(executionArn, 0, StepMessage.Kind.EXPRESS, 0, body, null, null);
  }

  /** @throws IllegalArgumentException for a message that is not an EXPRESS one */
  public static ExpressStart fromMessage(StepMessage message) {
    JsonNode body = message.result();
    if (message.kind() != StepMessage.Kind.EXPRESS || body == null || !body.hasNonNull("stateMachineArn")) {
      throw new IllegalArgumentException("not an Express start: " + message.toJson());
    }
    return new ExpressStart(message.executionArn(), body.path("name").asText(), body.path("stateMachineArn").asText(),
        body.path("stateMachineName").asText(), body.path("version").asInt(), body.path("roleArn").asText(null),
        body.get("input"), Instant.ofEpochMilli(body.path("startDate").asLong()));
  }
}
