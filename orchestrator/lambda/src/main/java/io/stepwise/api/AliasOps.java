package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.MachineAliases;
import io.stepwise.runtime.MachineAliases.Alias;
import io.stepwise.runtime.MachineAliases.Route;
import io.stepwise.runtime.PublishedVersions;
import io.stepwise.runtime.StartTargets.QualifiedArn;
import io.stepwise.runtime.StateMachineStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Create, Describe, Update, List and DeleteStateMachineAlias: a name that routes starts to one or two versions. */
final class AliasOps {
  private final StateMachineStore machines;
  private final PublishedVersions versions;
  private final MachineAliases aliases;
  private final InstantSource clock;

  AliasOps(StateMachineStore machines, PublishedVersions versions, MachineAliases aliases, InstantSource clock) {
    this.machines = machines;
    this.versions = versions;
    this.aliases = aliases;
    this.clock = clock;
  }

  /** AWS's quota of aliases per state machine (CreateStateMachineAlias: "up to 100 aliases for each state machine"). */
  static final int MAX_ALIASES = 100;

  /** The same name, description and routing again returns the alias; a different one is a ConflictException. */
  JsonNode create(Request request) {
    String name = Arns.checkAliasName(request.required("name"));
    String description = request.string("description", VersionOps.MAX_DESCRIPTION);
    List<Route> routing = routing(request.body().get("routingConfiguration"));
    String machineArn = QualifiedArn.parse(routing.get(0).versionArn()).machineArn();
    Instant now = clock.instant();
    Alias alias = new Alias(machineArn, name, description, routing, now, now);
    // The same request again stays idempotent at the quota; only a new name counts against it.
    if (aliases.get(machineArn, name).isEmpty() && aliases.list(machineArn, null, MAX_ALIASES).aliases().size() >= MAX_ALIASES) {
      throw new ApiException("ServiceQuotaExceededException",
          "Maximum number of aliases (" + MAX_ALIASES + ") reached for state machine '" + machineArn + "'");
    }
    if (!aliases.create(alias)) {
      Alias existing = aliases.get(machineArn, name).orElseThrow(() -> new IllegalStateException("lost alias " + name));
      if (!Objects.equals(existing.description(), description) || !existing.routing().equals(routing)) {
        throw new ApiException("ConflictException", "Failed to create alias because an alias with the same name and a "
            + "different routing configuration already exists.");
      }
      alias = existing;
    }
    return Shapes.putTime(Json.object(), "creationDate", alias.creationDate()).put("stateMachineAliasArn", alias.arn());
  }

  JsonNode describe(Request request) {
    Alias alias = existing(request);
    ObjectNode response = Json.object().put("stateMachineAliasArn", alias.arn()).put("name", alias.name());
    Shapes.putText(response, "description", alias.description());
    response.set("routingConfiguration", routingJson(alias.routing()));
    Shapes.putTime(response, "creationDate", alias.creationDate());
    return Shapes.putTime(response, "updateDate", alias.updateDate());
  }

  JsonNode update(Request request) {
    Alias alias = existing(request);
    boolean hasRouting = request.has("routingConfiguration");
    if (!request.has("description") && !hasRouting) {
      throw ApiErrors.validation("Either the description or the RoutingConfiguration must be specified");
    }
    String description = request.has("description") ? request.string("description", VersionOps.MAX_DESCRIPTION) : alias.description();
    List<Route> routing = hasRouting ? routing(request.body().get("routingConfiguration")) : alias.routing();
    if (hasRouting && !QualifiedArn.parse(routing.get(0).versionArn()).machineArn().equals(alias.machineArn())) {
      throw ApiErrors.validation("Routing configuration must contain versions of the alias's own state machine");
    }
    Instant now = clock.instant();
    aliases.replace(new Alias(alias.machineArn(), alias.name(), description, routing, alias.creationDate(), now));
    return Shapes.putTime(Json.object(), "updateDate", now);
  }

  JsonNode list(Request request) {
    String given = Arns.checkStartable(request.required("stateMachineArn"));
    String machineArn = QualifiedArn.parse(given).machineArn();
    int max = request.maxResults();
    String after = PageTokens.decode("ListStateMachineAliases", request.nextToken(1024));
    if (machines.latest(machineArn).isEmpty()) throw StateMachineOps.missing(given);
    MachineAliases.Page page = aliases.list(machineArn, after, max);
    ArrayNode items = Json.array();
    for (Alias alias : page.aliases()) {
      items.add(Shapes.putTime(Json.object().put("stateMachineAliasArn", alias.arn()), "creationDate", alias.creationDate()));
    }
    ObjectNode response = Json.object();
    response.set("stateMachineAliases", items);
    return Shapes.putText(response, "nextToken", PageTokens.encode("ListStateMachineAliases", page.nextCursor()));
  }

  /** Idempotent, as on AWS. */
  JsonNode delete(Request request) {
    QualifiedArn arn = QualifiedArn.parse(Arns.checkAlias(request.required("stateMachineAliasArn")));
    aliases.delete(arn.machineArn(), arn.qualifier());
    return Json.object();
  }

  private Alias existing(Request request) {
    QualifiedArn arn = QualifiedArn.parse(Arns.checkAlias(request.required("stateMachineAliasArn")));
    return aliases.get(arn.machineArn(), arn.qualifier()).orElseThrow(AliasOps::notFound);
  }

  /** One or two distinct versions of one machine, each existing, with weights that add up to 100. */
  private List<Route> routing(JsonNode config) {
    if (config == null || config.isNull()) {
      throw ApiErrors.validation("Value null at 'routingConfiguration' failed to satisfy constraint: Member must not be null");
    }
    if (!config.isArray() || config.isEmpty()) {
      throw ApiErrors.validation("Value '[]' at 'routingConfiguration' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 1");
    }
    List<Route> routes = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    int index = 1;
    for (JsonNode item : config) {
      String arn = item.path("stateMachineVersionArn").asText("");
      int weight = item.path("weight").asInt(-1);
      if (weight < 0 || weight > 100) {
        throw ApiErrors.validation("Value '" + weight + "' at 'routingConfiguration." + index + ".member.weight' failed to "
            + "satisfy constraint: Member must have value " + (weight < 0 ? "greater than or equal to 0" : "less than or equal to 100"));
      }
      routes.add(new Route(arn, weight));
      arns.add(arn);
      weights.add(weight);
      index++;
    }
    if (routes.size() > 2) {
      // AWS names the value as its Java model prints it (test_sfn_api_aliasing.py::
      // test_error_create_alias_invalid_router_configs, too_many_routing).
      String value = routes.stream().map(r -> "RoutingConfigurationListItem(stateMachineVersionArn=" + r.versionArn() + ", weight="
          + r.weight() + ")").collect(Collectors.joining(", ", "[", "]"));
      throw ApiErrors.validation("Value '" + value + "' at 'routingConfiguration' failed to satisfy constraint: "
          + "Member must have length less than or equal to 2");
    }
    if (!arns.stream().allMatch(Arns::isVersion)) {
      throw new ApiException("ValidationException", "Routing configuration must contain state machine version ARNs. Received: " + arns);
    }
    if (new HashSet<>(arns).size() != arns.size()) {
      throw new ApiException("ValidationException",
          "Routing configuration must contain distinct state machine version ARNs. Received: " + arns);
    }
    if (weights.stream().mapToInt(Integer::intValue).sum() != 100) {
      throw new ApiException("ValidationException", "Sum of routing configuration weights must equal 100. Received: " + weights);
    }
    String machineArn = QualifiedArn.parse(arns.get(0)).machineArn();
    for (String arn : arns) {
      QualifiedArn version = QualifiedArn.parse(arn);
      if (!version.machineArn().equals(machineArn)) {
        throw new ApiException("ValidationException", "Routing configuration must contain versions of one state machine. Received: " + arns);
      }
      if (machines.latest(machineArn).isEmpty() || versions.get(machineArn, Integer.parseInt(version.qualifier())).isEmpty()) {
        throw notFound();
      }
    }
    return routes;
  }

  private static ArrayNode routingJson(List<Route> routing) {
    ArrayNode array = Json.array();
    for (Route route : routing) array.add(Json.object().put("stateMachineVersionArn", route.versionArn()).put("weight", route.weight()));
    return array;
  }

  private static ApiException notFound() {
    return new ApiException("ResourceNotFound", "Request references a resource that does not exist.");
  }
}
