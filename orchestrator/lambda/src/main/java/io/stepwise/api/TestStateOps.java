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
import io.stepwise.engine.Command;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.integrations.Integrations;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TestState, as AWS extended it in 2025: runs one state (its definition alone, named StateName,
 * or {@code stateName} within a whole machine) with an input, its task or its Map's or Parallel's
 * children mocked ({@link TestStateMocks}) or its task called for real, in the context it is given
 * ({@link TestStateContexts}) and the run it is said to be part of ({@link TestStateConfiguration}),
 * and answers its output or error, the next state and a status. At DEBUG and TRACE the
 * {@code inspectionData} shows each processing step ({@link TestStateInspection}); at TRACE an
 * HTTP Task's request and response too.
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
    JsonNode input = parse(request.string("input"), "input", Json.object());
    JsonNode variables = parse(request.string("variables"), "variables", Json.object());
    JsonNode given = parse(definition, "definition", null);
    if (!given.isObject()) throw invalid("the definition must be a JSON object");
    ObjectNode machineJson = standIns(given, stateName);
    StateMachine machine;
    try {
      machine = Definitions.load(machineJson);
    } catch (InvalidDefinitionException e) {
      throw DefinitionCheck.refusal(e.diagnostics()); // as CreateStateMachine words it, not "... 1 problem(s): [...]"
    }
    State tested = machine.state(machine.startAt());
    TestStateMocks mock = TestStateMocks.of(request.body().get("mock"), tested, revealSecrets, registry);
    String roleArn = request.string("roleArn");
    if (mock == null && roleArn == null && tested instanceof State.Task) {
      throw ApiErrors.refused("RoleArn must be specified when testing a Task state");
    }
    ObjectNode context = TestStateContexts.of(request.string("context"), tested);
    TestStateConfiguration configuration = TestStateConfiguration.of(request.body().get("stateConfiguration"), tested);
    Instant now = clock.instant();
    String name = UUID.randomUUID().toString();
    ExecutionInfo info = new ExecutionInfo(ARN.replace(":stateMachine:", ":express:") + ":" + name, name, ARN, "TestState",
        input, now, roleArn, -1, false);
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> v = it.next();
      vars.put(v.getKey(), v.getValue());
    }
    AtomicReference<HttpTaskInvoker.Exchange> exchange = new AtomicReference<>();
    TaskInvoker invoker = mock != null ? mock.tasks() : real(level.equals("TRACE") ? exchange : null);
    StateTest.Options options = new StateTest.Options(mock == null ? null : mock.children(configuration.mapIterationFailureCount()),
        configuration.retrierRetryCount(), configuration.readerItems());
    Engine engine = context == null ? new Engine(Entropy.secure()) : new Engine(Entropy.secure()).withContext(context);
    StateTest.Result result = new StateTest(engine, invoker, options).run(machine, info, vars, now);
    ObjectNode response = Json.object();
    if (result.output() != null && result.error() == null || result.status() == StateTest.Status.CAUGHT_ERROR) {
      if (result.output() != null) response.put("output", Json.write(result.output()));
    }
    Shapes.putText(response, "error", result.error());
    Shapes.putText(response, "cause", result.cause());
    Shapes.putText(response, "nextState", result.nextState());
    response.put("status", result.status().name());
    if (!level.equals("INFO")) {
      response.set("inspectionData", TestStateInspection.of(tested, info, context, vars, now, result, exchange.get(),
          revealSecrets, configuration.retrierRetryCount() > 0));
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
      JsonNode found = find(given, stateName);
      if (found == null || !found.isObject()) throw ApiErrors.refused("State not found in definition");
      state = (ObjectNode) found.deepCopy();
      name = stateName;
      if (given.has("QueryLanguage")) machine.set("QueryLanguage", given.get("QueryLanguage"));
    } else {
      state = (ObjectNode) given.deepCopy();
      name = "StateName"; // AWS's name for a state tested alone ($$.State.Name)
    }
    machine.put("StartAt", name);
    ObjectNode states = machine.putObject("States");
    states.set(name, state);
    for (String target : targets(state)) {
      if (!target.equals(name)) states.set(target, Json.object().put("Type", "Succeed"));
    }
    return machine;
  }

  /**
   * The state named {@code name} in {@code machine}, or in a Map's ItemProcessor or a Parallel's
   * branch within it (AWS tests a Map's inner state by its name); null when there is none.
   */
  private static JsonNode find(JsonNode machine, String name) {
    JsonNode states = machine.path("States");
    if (states.has(name)) return states.get(name);
    for (JsonNode state : states) {
      List<JsonNode> inner = new ArrayList<>();
      for (String field : new String[] {"ItemProcessor", "Iterator"}) if (state.has(field)) inner.add(state.get(field));
      state.path("Branches").forEach(inner::add);
      for (JsonNode machineWithin : inner) {
        JsonNode found = find(machineWithin, name);
        if (found != null) return found;
      }
    }
    return null;
  }

  private static Set<String> targets(JsonNode state) {
    Set<String> targets = new java.util.LinkedHashSet<>();
    if (state.hasNonNull("Next")) targets.add(state.get("Next").asText());
    if (state.hasNonNull("Default")) targets.add(state.get("Default").asText());
    for (JsonNode choice : state.path("Choices")) if (choice.hasNonNull("Next")) targets.add(choice.get("Next").asText());
    for (JsonNode c : state.path("Catch")) if (c.hasNonNull("Next")) targets.add(c.get("Next").asText());
    return targets;
  }

  /** Without a mock, tasks are called for real (an HTTP Task's exchange kept in {@code traced} at TRACE). */
  private TaskInvoker real(AtomicReference<HttpTaskInvoker.Exchange> traced) {
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
