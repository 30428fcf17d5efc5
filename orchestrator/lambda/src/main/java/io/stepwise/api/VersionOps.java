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
import java.time.InstantSource;
import java.util.List;

/** PublishStateMachineVersion, ListStateMachineVersions and DeleteStateMachineVersion. */
final class VersionOps {
  static final int MAX_DESCRIPTION = 256;

  private final StateMachineStore machines;
  private final PublishedVersions versions;
  private final MachineAliases aliases;
  private final InstantSource clock;

  VersionOps(StateMachineStore machines, PublishedVersions versions, MachineAliases aliases, InstantSource clock) {
    this.machines = machines;
    this.versions = versions;
    this.aliases = aliases;
    this.clock = clock;
  }

  /** {@code revisionId}, when given, must still be the machine's current revision. */
  JsonNode publish(Request request) {
    String arn = Arns.checkStateMachine(request.required("stateMachineArn"));
    String revisionId = request.string("revisionId");
    String description = request.string("description", MAX_DESCRIPTION);
    StateMachineStore.StateMachineRecord latest = machines.latest(arn).orElseThrow(() -> StateMachineOps.missing(arn));
    String current = Integer.toString(latest.version());
    if (revisionId != null && !revisionId.equals(current)) {
      throw new ApiException("ConflictException", "Failed to publish the State Machine version for revision "
          + revisionId + ". The current State Machine revision is " + current + ".");
    }
    return published(publish(arn, latest.version(), description));
  }

  PublishedVersions.Version publish(String machineArn, int revision, String description) {
    return versions.publish(machineArn, revision, description, clock.instant());
  }

  java.util.Optional<PublishedVersions.Version> get(String machineArn, int number) {
    return versions.get(machineArn, number);
  }

  void deleteAll(String machineArn) {
    versions.deleteAll(machineArn);
  }

  JsonNode list(Request request) {
    String arn = Arns.checkStateMachine(request.required("stateMachineArn"));
    int max = request.maxResults();
    String after = PageTokens.decode("ListStateMachineVersions", request.nextToken(1024));
    if (machines.latest(arn).isEmpty()) throw StateMachineOps.missing(arn);
    PublishedVersions.Page page = versions.list(arn, after, max);
    ArrayNode items = Json.array();
    for (PublishedVersions.Version version : page.versions()) {
      items.add(Shapes.putTime(Json.object().put("stateMachineVersionArn", version.arn()), "creationDate", version.creationDate()));
    }
    ObjectNode response = Json.object();
    response.set("stateMachineVersions", items);
    return Shapes.putText(response, "nextToken", PageTokens.encode("ListStateMachineVersions", page.nextCursor()));
  }

  /** Idempotent; a version an alias routes to cannot be deleted. */
  JsonNode delete(Request request) {
    String arn = Arns.checkVersion(request.required("stateMachineVersionArn"));
    QualifiedArn version = QualifiedArn.parse(arn);
    List<String> routedBy = aliases.all(version.machineArn()).stream()
        .filter(alias -> alias.routing().stream().anyMatch(route -> route.versionArn().equals(arn)))
        .map(MachineAliases.Alias::name).toList();
    if (!routedBy.isEmpty()) {
      throw new ApiException("ConflictException", "Version to be deleted must not be referenced by an alias. "
          + "Current list of aliases referencing this version: [" + String.join(", ", routedBy) + "]");
    }
    versions.delete(version.machineArn(), Integer.parseInt(version.qualifier()));
    return Json.object();
  }

  private static JsonNode published(PublishedVersions.Version version) {
    return Shapes.putTime(Json.object(), "creationDate", version.creationDate()).put("stateMachineVersionArn", version.arn());
  }
}
