package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A machine's aliases ({@code {machineArn}:{name}}), each routing starts to one or two versions by weight. */
public final class MachineAliases {
  private final DocumentStore documents;

  public MachineAliases(DocumentStore documents) {
    this.documents = documents;
  }

  public record Route(String versionArn, int weight) {}

  public record Alias(String machineArn, String name, String description, List<Route> routing, Instant creationDate,
      Instant updateDate) {
    public String arn() {
      return machineArn + ":" + name;
    }
  }

  /** Stores a new alias; false when one of that name exists. */
  public boolean create(Alias alias) {
    return documents.create(group(alias.machineArn()), alias.name(), doc(alias));
  }

  public void replace(Alias alias) {
    documents.put(group(alias.machineArn()), alias.name(), doc(alias));
  }

  public Optional<Alias> get(String machineArn, String name) {
    return documents.get(group(machineArn), name).map(doc -> alias(machineArn, name, doc));
  }

  /** In name order. */
  public Page list(String machineArn, String after, int max) {
    DocumentStore.Page page = documents.list(group(machineArn), after, max, false);
    List<Alias> aliases = new ArrayList<>();
    for (DocumentStore.Entry entry : page.entries()) aliases.add(alias(machineArn, entry.id(), entry.doc()));
    return new Page(aliases, page.nextCursor());
  }

  public record Page(List<Alias> aliases, String nextCursor) {}

  public boolean delete(String machineArn, String name) {
    return documents.delete(group(machineArn), name);
  }

  /** Every alias, for a version about to be deleted or a machine being deleted (at most 100 per machine on AWS). */
  public List<Alias> all(String machineArn) {
    List<Alias> all = new ArrayList<>();
    for (String cursor = null; ; ) {
      Page page = list(machineArn, cursor, 100);
      all.addAll(page.aliases());
      cursor = page.nextCursor();
      if (cursor == null) return all;
    }
  }

  private static ObjectNode doc(Alias alias) {
    ObjectNode doc = Json.object().put("created", alias.creationDate().toEpochMilli()).put("updated", alias.updateDate().toEpochMilli());
    if (alias.description() != null) doc.put("description", alias.description());
    ArrayNode routes = doc.putArray("routing");
    for (Route route : alias.routing()) routes.add(Json.object().put("version", route.versionArn()).put("weight", route.weight()));
    return doc;
  }

  private static Alias alias(String machineArn, String name, JsonNode doc) {
    List<Route> routing = new ArrayList<>();
    for (JsonNode route : doc.path("routing")) routing.add(new Route(route.path("version").asText(), route.path("weight").intValue()));
    return new Alias(machineArn, name, doc.hasNonNull("description") ? doc.get("description").asText() : null, routing,
        Instant.ofEpochMilli(doc.path("created").longValue()), Instant.ofEpochMilli(doc.path("updated").longValue()));
  }

  private static String group(String machineArn) {
    return "ALIAS#" + machineArn;
  }
}
