package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachineStore.Described;
import io.stepwise.runtime.StateMachineStore.StateMachineRecord;
import java.util.Objects;
import java.util.Set;

/**
 * CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines,
 * DeleteStateMachine and ValidateStateMachineDefinition. Each update stores a new version;
 * executions keep the version they started with. {@code revisionId} is the version number.
 * Logging, tracing, tags, publishing and encryption settings are accepted and not kept.
 */
final class StateMachineOps {
  private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");

  private final StateMachineStore store;
  private final Arns arns;

  StateMachineOps(StateMachineStore store, Arns arns) {
    this.store = store;
    this.arns = arns;
  }

  /** Creating the same machine again returns it; a different one under a used name is StateMachineAlreadyExists. */
  JsonNode create(Request request) {
    String name = Arns.checkName(request.required("name"));
    String definition = definition(request, true);
    String roleArn = Arns.checkRole(request.required("roleArn"));
    String type = request.oneOf("type", TYPES, "STANDARD");
    DefinitionCheck.require(definition);
    String arn = arns.stateMachine(name);
    Described existing = store.describe(arn).orElse(null);
    if (existing == null) {
      store.put(new StateMachineRecord(arn, name, 0, definition, roleArn, type));
      existing = store.describe(arn).orElseThrow(() -> new IllegalStateException("lost " + arn));
    } else if (!same(existing.machine(), definition, roleArn, type)) {
      throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    ObjectNode response = Json.object().put("stateMachineArn", arn);
    return Shapes.putTime(response, "creationDate", existing.creationDate());
  }

  JsonNode update(Request request) {
    String arn = Arns.checkStateMachine(request.required("stateMachineArn"));
    String definition = definition(request, false);
    String roleArn = request.string("roleArn");
    if (definition == null && roleArn == null && !request.has("loggingConfiguration") && !request.has("tracingConfiguration")) {
      throw new ApiException("MissingRequiredParameter",
          "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    if (roleArn != null) Arns.checkRole(roleArn);
    if (definition != null) DefinitionCheck.require(definition);
    StateMachineRecord current = existing(arn).machine();
    int version = store.put(new StateMachineRecord(arn, current.name(), 0,
        definition != null ? definition : current.definition(), roleArn != null ? roleArn : current.roleArn(), current.type()));
    Described stored = store.describe(arn, version).orElseThrow(() -> new IllegalStateException("lost " + arn));
    ObjectNode response = Shapes.putTime(Json.object(), "updateDate", stored.updateDate());
    return response.put("revisionId", Integer.toString(version));
  }

  JsonNode describe(Request request) {
    Described described = existing(Arns.checkStateMachine(request.required("stateMachineArn")));
    StateMachineRecord machine = described.machine();
    ObjectNode response = Json.object()
        .put("stateMachineArn", machine.arn())
        .put("name", machine.name())
        .put("status", "ACTIVE")
        .put("definition", machine.definition())
        .put("roleArn", machine.roleArn())
        .put("type", machine.type());
    Shapes.putTime(response, "creationDate",
        described.creationDate() != null ? described.creationDate() : described.updateDate());
    response.set("loggingConfiguration", Json.object().put("level", "OFF").put("includeExecutionData", false));
    response.set("tracingConfiguration", Json.object().put("enabled", false));
    return response.put("revisionId", Integer.toString(machine.version()));
  }

  JsonNode list(Request request) {
    int max = request.maxResults();
    StateMachineStore.MachinePage page =
        store.list(PageTokens.decode("ListStateMachines", request.string("nextToken")), max);
    ArrayNode machines = Json.array();
    for (StateMachineStore.MachineSummary machine : page.machines()) {
      machines.add(Shapes.putTime(Json.object().put("stateMachineArn", machine.arn()).put("name", machine.name())
          .put("type", machine.type()), "creationDate", machine.creationDate()));
    }
    ObjectNode response = Json.object();
    response.set("stateMachines", machines);
    return Shapes.putText(response, "nextToken", PageTokens.encode("ListStateMachines", page.nextCursor()));
  }

  /** Idempotent, as on AWS; running executions finish on the version they run. */
  JsonNode delete(Request request) {
    store.delete(Arns.checkStateMachine(request.required("stateMachineArn")));
    return Json.object();
  }

  JsonNode validate(Request request) {
    String definition = definition(request, true);
    request.oneOf("type", TYPES, "STANDARD");
    request.oneOf("severity", Set.of("ERROR", "WARNING"), "ERROR");
    return DefinitionCheck.result(definition, request.maxResults());
  }

  private Described existing(String arn) {
    return store.describe(arn)
        .orElseThrow(() -> new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'"));
  }

  private static String definition(Request request, boolean required) {
    String definition = required ? request.required("definition") : request.string("definition");
    if (definition != null && definition.length() > DefinitionCheck.MAX_DEFINITION_CHARS) {
      throw ApiErrors.validation("Value at 'definition' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + DefinitionCheck.MAX_DEFINITION_CHARS);
    }
    return definition;
  }

  private static boolean same(StateMachineRecord machine, String definition, String roleArn, String type) {
    return machine.definition().equals(definition) && Objects.equals(machine.roleArn(), roleArn)
        && machine.type().equals(type);
  }
}
