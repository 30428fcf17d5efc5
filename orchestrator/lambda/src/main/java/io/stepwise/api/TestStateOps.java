package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.StateTest;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * TestState: runs one state (its definition alone, or {@code stateName} within a whole
 * machine) with an input, its task mocked ({@code mock.result} or {@code mock.errorOutput}) or
 * called for real, and answers its output or error, the next state and a status. At DEBUG and
 * TRACE the {@code inspectionData} shows the input, the task's parameters, its result and the
 * variables after the state.
 */
final class TestStateOps {
  private static final String ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:TestState";

  private final TaskInvoker tasks;
  private final InstantSource clock;

  TestStateOps(TaskInvoker tasks, InstantSource clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  JsonNode test(Request request) {
    String definition = request.required("definition");
    String stateName = request.string("stateName");
    String level = request.oneOf("inspectionLevel", Set.of("INFO", "DEBUG", "TRACE"), "INFO");
    request.bool("revealSecrets", false); // only HTTP Tasks have secrets to reveal; Stepwise has none
    JsonNode input = parse(request.string("input"), "input", Json.object());
    JsonNode variables = parse(request.string("variables"), "variables", Json.object());
    JsonNode given = parse(definition, "definition", null);
    if (!given.isObject()) throw invalid("the definition must be a JSON object");
    ObjectNode machineJson = standIns(given, stateName);
    StateMachine machine;
    try {
      machine = Definitions.load(machineJson);
    } catch (InvalidDefinitionException e) {
      throw invalid(e.getMessage());
    }
    Instant now = clock.instant();
    ExecutionInfo info = new ExecutionInfo(ARN.replace(":stateMachine:", ":execution:") + ":test", "test", ARN, "TestState",
        input, now, request.string("roleArn"), 0, false);
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> v = it.next();
      vars.put(v.getKey(), v.getValue());
    }
    StateTest.Result result = new StateTest(new Engine(Entropy.secure()), mocked(request.body().get("mock")))
        .run(machine, info, vars, now);
    ObjectNode response = Json.object();
    if (result.output() != null && result.error() == null || result.status() == StateTest.Status.CAUGHT_ERROR) {
      if (result.output() != null) response.put("output", Json.write(result.output()));
    }
    Shapes.putText(response, "error", result.error());
    Shapes.putText(response, "cause", result.cause());
    Shapes.putText(response, "nextState", result.nextState());
    response.put("status", result.status().name());
    if (!level.equals("INFO")) response.set("inspectionData", inspection(input, result));
    return response;
  }

  /**
   * The machine to run: the tested state first, each state it can go to a {@code Succeed}
   * stand-in, so the run stops on entering it.
   */
  private static ObjectNode standIns(JsonNode given, String stateName) {
    ObjectNode state;
    String name;
    ObjectNode machine = Json.object();
    if (stateName != null) {
      JsonNode states = given.path("States");
      if (!states.has(stateName)) throw invalid("stateName '" + stateName + "' is not a state of the definition");
      state = ((ObjectNode) states.get(stateName)).deepCopy();
      name = stateName;
      if (given.has("QueryLanguage")) machine.set("QueryLanguage", given.get("QueryLanguage"));
    } else {
      state = (ObjectNode) given.deepCopy();
      name = state.path("Type").asText("State") + "State";
    }
    machine.put("StartAt", name);
    ObjectNode states = machine.putObject("States");
    states.set(name, state);
    for (String target : targets(state)) {
      if (!target.equals(name)) states.set(target, Json.object().put("Type", "Succeed"));
    }
    return machine;
  }

  private static Set<String> targets(JsonNode state) {
    Set<String> targets = new java.util.LinkedHashSet<>();
    if (state.hasNonNull("Next")) targets.add(state.get("Next").asText());
    if (state.hasNonNull("Default")) targets.add(state.get("Default").asText());
    for (JsonNode choice : state.path("Choices")) if (choice.hasNonNull("Next")) targets.add(choice.get("Next").asText());
    for (JsonNode c : state.path("Catch")) if (c.hasNonNull("Next")) targets.add(c.get("Next").asText());
    return targets;
  }

  /** A mock answers every task call; without one, tasks are called for real. */
  private TaskInvoker mocked(JsonNode mock) {
    if (mock == null || mock.isNull()) {
      return call -> {
        if (call.token() != null) {
          throw ApiErrors.validation("TestState runs '" + call.resource() + "' only with a mock: it waits for a callback");
        }
        return tasks.invoke(call);
      };
    }
    if (mock.hasNonNull("result")) {
      JsonNode result = parse(mock.get("result").asText(), "mock.result", null);
      return call -> TaskOutcome.success(result);
    }
    JsonNode error = mock.path("errorOutput");
    if (error.isMissingNode()) throw ApiErrors.validation("A mock must have either a result or an errorOutput");
    return call -> TaskOutcome.failure(error.path("error").asText(null), error.path("cause").asText(null));
  }

  private static ObjectNode inspection(JsonNode input, StateTest.Result result) {
    ObjectNode data = Json.object().put("input", Json.write(input));
    for (HistoryEvent event : result.history()) {
      if (event.type().endsWith("Scheduled") && event.payload() != null) data.put("afterParameters", event.payload());
      if (event.type().endsWith("Succeeded") && event.payloadField() != null && event.payloadField().equals("output")
          && event.details() != null && event.details().has("resourceType")) {
        data.put("result", event.payload());
      }
    }
    if (result.retryDelaySeconds() != null) {
      data.set("errorDetails", Json.object().put("retryBackoffIntervalSeconds", result.retryDelaySeconds()));
    }
    ObjectNode variables = Json.object();
    result.variables().forEach(variables::set);
    data.put("variables", Json.write(variables));
    return data;
  }

  private static JsonNode parse(String text, String field, JsonNode absent) {
    if (text == null) return absent;
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      if (field.equals("definition")) throw invalid("the definition is not valid JSON");
      throw new ApiException("InvalidExecutionInput", "Invalid " + field + ": '" + e.getMessage() + "'");
    }
  }

  private static ApiException invalid(String problem) {
    return new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + problem + "'");
  }
}
