package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.MachineAliases;
import io.stepwise.runtime.PublishedVersions;
import io.stepwise.runtime.StartTargets.QualifiedArn;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachineStore.Described;
import io.stepwise.runtime.StateMachineStore.StateMachineRecord;
import java.util.Objects;
import java.util.Set;

/**
 * CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines,
 * DeleteStateMachine and ValidateStateMachineDefinition. Each update that changes something
 * stores a new revision; executions keep the revision they started with. {@code revisionId} is
 * the revision's number. {@code publish} publishes the revision as a version; tags are kept.
 * Logging and tracing settings are checked, kept and described ({@link MachineSettings});
 * encryption settings are accepted and not kept.
 */
final class StateMachineOps {
  private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");

  private final StateMachineStore store;
  private final Arns arns;
  private final VersionOps versions;
  private final MachineAliases aliases;
  private final TagOps tags;
  private final MachineSettings settings;

  StateMachineOps(StateMachineStore store, Arns arns, VersionOps versions, MachineAliases aliases, TagOps tags,
      MachineSettings settings) {
    this.settings = settings;
    this.store = store;
    this.arns = arns;
    this.versions = versions;
    this.aliases = aliases;
    this.tags = tags;
  }

  /** Creating the same machine again returns it; a different one under a used name is StateMachineAlreadyExists. */
  JsonNode create(Request request) {
    String name = Arns.checkName(request.required("name"));
    String definition = definition(request, true);
    String roleArn = Arns.checkRole(request.required("roleArn"));
    String type = request.oneOf("type", TYPES, "STANDARD");
    String versionDescription = versionDescription(request);
    ObjectNode givenTags = tags.checked(request.body().get("tags"));
    ObjectNode givenSettings = MachineSettings.checked(request);
    DefinitionCheck.require(definition, type);
    String arn = arns.stateMachine(name);
    Described existing = store.describe(arn).orElse(null);
    if (existing == null) {
      store.put(new StateMachineRecord(arn, name, 0, definition, roleArn, type));
      existing = store.describe(arn).orElseThrow(() -> new IllegalStateException("lost " + arn));
      tags.putAtCreate(arn, givenTags);
      settings.update(arn, givenSettings);
    } else if (!same(existing.machine(), definition, roleArn, type)) {
      throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    ObjectNode response = Json.object().put("stateMachineArn", arn);
    Shapes.putTime(response, "creationDate", existing.creationDate());
    if (request.bool("publish", false)) {
      response.put("stateMachineVersionArn", versions.publish(arn, existing.machine().version(), versionDescription).arn());
    }
    return response;
  }

  JsonNode update(Request request) {
    String given = request.required("stateMachineArn");
    // A version is no machine to update: AWS answers that the ARN names no state machine
    // (test_sfn_api_versioning.py::test_update_state_machine, invalid_arn_1 and invalid_arn_2).
    if (Arns.isVersion(given)) throw missing(given);
    String arn = Arns.checkStateMachine(given);
    String definition = definition(request, false);
    String roleArn = request.string("roleArn");
    if (definition == null && roleArn == null && !request.has("loggingConfiguration") && !request.has("tracingConfiguration")) {
      throw new ApiException("MissingRequiredParameter",
          "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    if (roleArn != null) Arns.checkRole(roleArn);
    String versionDescription = versionDescription(request);
    ObjectNode givenSettings = MachineSettings.checked(request);
    if (definition != null) {
      DefinitionCheck.require(definition, store.describe(arn).map(d -> d.machine().type()).orElse("STANDARD"));
    }
    StateMachineRecord current = existing(arn).machine();
    boolean settingsChanged = settings.update(arn, givenSettings);
    StateMachineRecord updated = new StateMachineRecord(arn, current.name(), 0,
        definition != null ? definition : current.definition(), roleArn != null ? roleArn : current.roleArn(), current.type());
    // An update that changes nothing keeps the revision, so publishing it again is idempotent; a new
    // tracing or logging setting is a new revision, which publish makes the next version (AWS-verified
    // in getmoto/moto tests/test_stepfunctions/parser/test_stepfunctions.py::test_version_is_only_available_when_published).
    int version = !settingsChanged && same(current, updated.definition(), updated.roleArn(), updated.type())
        ? current.version() : store.put(updated);
    Described stored = store.describe(arn, version).orElseThrow(() -> new IllegalStateException("lost " + arn));
    ObjectNode response = Shapes.putTime(Json.object(), "updateDate", stored.updateDate());
    response.put("revisionId", Integer.toString(version));
    if (request.bool("publish", false)) {
      response.put("stateMachineVersionArn", versions.publish(arn, version, versionDescription).arn());
    }
    return response;
  }

  /** {@code versionDescription} goes with {@code publish} only. */
  private static String versionDescription(Request request) {
    String description = request.string("versionDescription", VersionOps.MAX_DESCRIPTION);
    if (description != null && !request.bool("publish", false)) {
      throw new ApiException("ValidationException", "Version description can only be set when publish is true");
    }
    return description;
  }

  /** A machine's latest revision, or a version's (given its ARN) with the version's description. */
  JsonNode describe(Request request) {
    String given = request.required("stateMachineArn");
    PublishedVersions.Version version = null;
    Described described;
    if (Arns.isVersion(given)) {
      QualifiedArn qualified = QualifiedArn.parse(given);
      existing(qualified.machineArn());
      version = versions.get(qualified.machineArn(), Integer.parseInt(qualified.qualifier())).orElseThrow(() -> missing(given));
      int revision = version.revision();
      described = store.describe(qualified.machineArn(), revision)
          .orElseThrow(() -> new IllegalStateException("revision " + revision + " of " + given + " is not stored"));
    } else {
      described = existing(Arns.checkNotMapLabel(Arns.checkStateMachine(given)));
    }
    StateMachineRecord machine = described.machine();
    ObjectNode response = Json.object()
        .put("stateMachineArn", version != null ? version.arn() : machine.arn())
        .put("name", machine.name())
        .put("status", "ACTIVE")
        .put("definition", machine.definition())
        .put("roleArn", machine.roleArn())
        .put("type", machine.type());
    Shapes.putTime(response, "creationDate", version != null ? version.creationDate()
        : described.creationDate() != null ? described.creationDate() : described.updateDate());
    if (version != null) Shapes.putText(response, "description", version.description());
    settings.describe(machine.arn(), response);
    return response.put("revisionId", Integer.toString(machine.version()));
  }

  JsonNode list(Request request) {
    int max = request.maxResults();
    StateMachineStore.MachinePage page =
        store.list(PageTokens.decode("ListStateMachines", request.nextToken(1024)), max);
    ArrayNode machines = Json.array();
    for (StateMachineStore.MachineSummary machine : page.machines()) {
      machines.add(Shapes.putTime(Json.object().put("stateMachineArn", machine.arn()).put("name", machine.name())
          .put("type", machine.type()), "creationDate", machine.creationDate()));
    }
    ObjectNode response = Json.object();
    response.set("stateMachines", machines);
    return Shapes.putText(response, "nextToken", PageTokens.encode("ListStateMachines", page.nextCursor()));
  }

  /**
   * Idempotent, as on AWS; its versions, aliases and tags go with it, and running executions
   * finish on the revision they run.
   */
  JsonNode delete(Request request) {
    String arn = Arns.checkNotMapLabel(Arns.checkStateMachine(request.required("stateMachineArn")));
    for (MachineAliases.Alias alias : aliases.all(arn)) aliases.delete(arn, alias.name());
    versions.deleteAll(arn);
    tags.deleteAll(arn);
    settings.delete(arn);
    store.delete(arn);
    return Json.object();
  }

  JsonNode validate(Request request) {
    String definition = definition(request, true);
    String type = request.oneOf("type", TYPES, "STANDARD");
    request.oneOf("severity", Set.of("ERROR", "WARNING"), "ERROR");
    return DefinitionCheck.result(definition, type, request.maxResults());
  }

  private Described existing(String arn) {
    return store.describe(arn).orElseThrow(() -> missing(arn));
  }

  static ApiException missing(String arn) {
    return new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
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
