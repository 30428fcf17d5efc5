package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.aws.http.HttpTaskInvoker;
import io.stepwise.driver.StateTest;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.MockResults;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TestState, as AWS extended it in 2025: runs one state (its definition alone, or
 * {@code stateName} within a whole machine) with an input, its task mocked ({@code mock.result},
 * checked against the integration's result shape per {@code fieldValidationMode}, or
 * {@code mock.errorOutput}) or called for real, and answers its output or error, the next state
 * and a status. At DEBUG and TRACE the {@code inspectionData} shows each processing step
 * ({@link TestStateInspection}); at TRACE an HTTP Task's request and response too.
 */
final class TestStateOps {
  private static final String ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:TestState";

  /** The HTTP exchange of an HTTP Task's call, or empty for another resource (TRACE). */
  interface HttpTrace {
    Optional<HttpTaskInvoker.Exchange> exchange(Command.InvokeTask call);

    HttpTrace NONE = call -> Optional.empty();
  }

  private final TaskInvoker tasks;
  private final HttpTrace trace;
  private final InstantSource clock;
  private final Integrations registry = Integrations.standard();

  TestStateOps(TaskInvoker tasks, HttpTrace trace, InstantSource clock) {
    this.tasks = tasks;
    this.trace = trace;
    this.clock = clock;
  }

  JsonNode test(Request request) {
    String definition = request.required("definition");
    String stateName = request.string("stateName");
    String level = request.oneOf("inspectionLevel", Set.of("INFO", "DEBUG", "TRACE"), "INFO");
    boolean revealSecrets = request.bool("revealSecrets", false); // only an HTTP Task's connection has secrets
    for (String unsupported : new String[] {"context", "stateConfiguration"}) {
      if (request.body().hasNonNull(unsupported)) {
        throw ApiErrors.validation("TestState's '" + unsupported + "' is not supported by Stepwise");
      }
    }
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
    State tested = machine.state(machine.startAt());
    AtomicReference<HttpTaskInvoker.Exchange> exchange = new AtomicReference<>();
    TaskInvoker invoker = mocked(request.body().get("mock"), tested, level.equals("TRACE") ? exchange : null);
    StateTest.Result result = new StateTest(new Engine(Entropy.secure()), invoker).run(machine, info, vars, now);
    ObjectNode response = Json.object();
    if (result.output() != null && result.error() == null || result.status() == StateTest.Status.CAUGHT_ERROR) {
      if (result.output() != null) response.put("output", Json.write(result.output()));
    }
    Shapes.putText(response, "error", result.error());
    Shapes.putText(response, "cause", result.cause());
    Shapes.putText(response, "nextState", result.nextState());
    response.put("status", result.status().name());
    if (!level.equals("INFO")) {
      response.set("inspectionData", TestStateInspection.of(tested, info, vars, now, result, exchange.get(), revealSecrets));
    }
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

  /**
   * A mock answers every task call; without one, tasks are called for real (an HTTP Task's
   * exchange kept in {@code traced} at TRACE).
   */
  private TaskInvoker mocked(JsonNode mock, State tested, AtomicReference<HttpTaskInvoker.Exchange> traced) {
    if (mock == null || mock.isNull()) {
      return call -> {
        if (call.token() != null) {
          throw ApiErrors.validation("TestState runs '" + call.resource() + "' only with a mock: it waits for a callback");
        }
        if (traced != null) {
          Optional<HttpTaskInvoker.Exchange> exchange = trace.exchange(call);
          if (exchange.isPresent()) {
            traced.set(exchange.get());
            return exchange.get().outcome();
          }
        }
        return tasks.invoke(call);
      };
    }
    String mode = mock.path("fieldValidationMode").asText("STRICT");
    if (!Set.of("STRICT", "PRESENT", "NONE").contains(mode)) {
      throw ApiErrors.validation("1 validation error detected: Value '" + mode + "' at 'mock.fieldValidationMode' failed to "
          + "satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
    }
    if (mock.hasNonNull("result")) {
      JsonNode result = parse(mock.get("result").asText(), "mock.result", null);
      checkShape(tested, result, MockResults.Mode.valueOf(mode));
      return call -> TaskOutcome.success(result);
    }
    JsonNode error = mock.path("errorOutput");
    if (error.isMissingNode()) throw ApiErrors.validation("A mock must have either a result or an errorOutput");
    return call -> TaskOutcome.failure(error.path("error").asText(null), error.path("cause").asText(null));
  }

  /** A mocked result must fit the tested Task's integration, as {@code fieldValidationMode} asks. */
  private void checkShape(State tested, JsonNode result, MockResults.Mode mode) {
    if (!(tested instanceof State.Task task)) return;
    if (registry.lookup(task.resource()) instanceof Integrations.Lookup.Found found) {
      MockResults.problem(found.target(), result, mode, AwsServiceCatalog.standard()).ifPresent(problem -> {
        throw ApiErrors.validation("The mocked result does not match the result of " + task.resource() + ": " + problem
            + " (fieldValidationMode " + mode + ")");
      });
    }
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
