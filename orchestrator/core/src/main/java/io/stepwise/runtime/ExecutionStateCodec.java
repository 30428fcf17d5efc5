package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.Phase;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExecutionState to JSON text and back, for storage between transitions. A child's execution
 * input is left out (see {@link #decode}).
 */
public final class ExecutionStateCodec {
  private ExecutionStateCodec() {}

  public static String encode(ExecutionState s) {
    return Json.write(tree(s, true));
  }

  /**
   * The state without its execution input and state input, which {@link RecordCodec} writes
   * beside it as they are, not escaped into this text: so they deflate together with the same
   * payload in the transition's events.
   */
  static String encodeApart(ExecutionState s) {
    return Json.write(tree(s, false));
  }

  /** The execution input as {@link #encodeApart} leaves it out: null for a branch's or iteration's. */
  static String executionInputText(ExecutionState s) {
    return s.info().isChild() ? null : Json.write(s.info().input());
  }

  static String stateInputText(ExecutionState s) {
    return s.stateInputJson() != null ? s.stateInputJson().text() : s.stateInput() == null ? null : Json.write(s.stateInput());
  }

  private static ObjectNode tree(ExecutionState s, boolean inputs) {
    ObjectNode n = Json.object();
    ExecutionInfo info = s.info();
    ObjectNode i = n.putObject("info");
    i.put("arn", info.executionArn()).put("name", info.name()).put("machineArn", info.stateMachineArn())
        .put("machineName", info.stateMachineName()).put("start", info.startTime().toEpochMilli())
        .put("role", info.roleArn()).put("redrives", info.redriveCount()).put("child", info.isChild());
    if (!info.branch().isEmpty()) i.put("branch", info.branch());
    // A branch or iteration shares its execution's input, which can be large (a Map's items):
    // it is not copied into every child record; stores fill it in from the execution's.
    if (!info.isChild() && inputs) i.set("input", info.input());
    n.put("status", s.status().name()).put("phase", s.phase().name()).put("current", s.currentState());
    if (inputs) n.put("input", stateInputText(s));
    if (s.stateEnteredTime() != null) n.put("entered", s.stateEnteredTime().toEpochMilli());
    n.put("enteredId", s.enteredEventId()).put("lastId", s.lastEventId()).put("prevId", s.previousEventId()).put("retries", s.retryCount());
    ArrayNode attempts = n.putArray("attempts");
    s.retrierAttempts().forEach(attempts::add);
    ObjectNode vars = n.putObject("vars");
    s.variables().forEach(vars::set);
    n.put("token", s.taskToken());
    n.set("output", s.output());
    n.put("error", s.error()).put("cause", s.cause()).put("transitions", s.transitions());
    return n;
  }

  /** For a child, {@code info().input()} is null until the store puts the execution's back. */
  public static ExecutionState decode(String text) {
    JsonNode n = Json.parse(text);
    JsonNode i = n.get("info");
    return decode(n, i.has("input") ? i.get("input") : null, text(n.get("input")));
  }

  /** What {@link #encodeApart} wrote, with the inputs it left out. */
  static ExecutionState decodeApart(String text, String executionInput, String stateInput) {
    return decode(Json.parse(text), executionInput == null ? null : Json.parse(executionInput), stateInput);
  }

  private static ExecutionState decode(JsonNode n, JsonNode executionInput, String inputJson) {
    JsonNode i = n.get("info");
    ExecutionInfo info = new ExecutionInfo(i.get("arn").asText(), i.get("name").asText(), i.get("machineArn").asText(),
        i.get("machineName").asText(), executionInput, Instant.ofEpochMilli(i.get("start").asLong()),
        text(i.get("role")), i.get("redrives").asInt(), i.get("child").asBoolean(), i.path("branch").asText(""));
    List<Integer> attempts = new ArrayList<>();
    n.get("attempts").forEach(a -> attempts.add(a.asInt()));
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.get("vars").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vars.put(e.getKey(), e.getValue());
    }
    JsonNode output = n.get("output");
    return new ExecutionState(info, ExecutionStatus.valueOf(n.get("status").asText()), Phase.valueOf(n.get("phase").asText()),
        text(n.get("current")), inputJson == null ? null : Json.parse(inputJson), inputJson == null ? null : JsonText.of(inputJson),
        n.has("entered") ? Instant.ofEpochMilli(n.get("entered").asLong()) : null,
        n.get("enteredId").asLong(), n.get("lastId").asLong(), n.path("prevId").asLong(n.get("lastId").asLong()),
        n.get("retries").asInt(), List.copyOf(attempts),
        Map.copyOf(vars), text(n.get("token")), output == null || output.isMissingNode() ? null : output,
        text(n.get("error")), text(n.get("cause")), n.get("transitions").asLong());
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
