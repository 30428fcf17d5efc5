package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine's published versions ({@code {machineArn}:{n}}), each pinning one stored revision.
 * Numbers are never reused: a deleted version stays as a tombstone, so the next one numbers on.
 */
public final class PublishedVersions {
  /** Step Functions' limit of versions per machine. */
  static final int MAX_VERSIONS = 1000;

  private final DocumentStore documents;

  public PublishedVersions(DocumentStore documents) {
    this.documents = documents;
  }

  /** @param revision the machine's stored version this one runs */
  public record Version(String machineArn, int number, int revision, String description, Instant creationDate) {
    public String arn() {
      return machineArn + ":" + number;
    }
  }

  /**
   * Publishes {@code revision}; when the newest version already pins it, that version is
   * returned unchanged, as AWS does.
   */
  public Version publish(String machineArn, int revision, String description, Instant now) {
    for (int attempt = 0; attempt < 5; attempt++) {
      DocumentStore.Page newest = documents.list(group(machineArn), null, 1, true);
      int next = 1;
      if (!newest.entries().isEmpty()) {
        DocumentStore.Entry top = newest.entries().get(0);
        Version current = version(machineArn, top);
        if (current != null && current.revision() == revision) return current;
        next = Integer.parseInt(top.id()) + 1;
      }
      if (count(machineArn) >= MAX_VERSIONS) {
        throw new ApiException("ServiceQuotaExceededException",
            "Maximum number of versions (" + MAX_VERSIONS + ") reached for state machine '" + machineArn + "'");
      }
      ObjectNode doc = Json.object().put("revision", revision).put("created", now.toEpochMilli());
      if (description != null) doc.put("description", description);
      if (documents.create(group(machineArn), id(next), doc)) return version(machineArn, new DocumentStore.Entry(id(next), doc));
    }
    throw new IllegalStateException("could not publish a version of " + machineArn);
  }

  public Optional<Version> get(String machineArn, int number) {
    return documents.get(group(machineArn), id(number)).map(doc -> version(machineArn, new DocumentStore.Entry(id(number), doc)));
  }

  /** Newest first. */
  public Page list(String machineArn, String after, int max) {
    List<Version> versions = new ArrayList<>();
    String cursor = after;
    do {
      DocumentStore.Page page = documents.list(group(machineArn), cursor, max - versions.size(), true);
      for (DocumentStore.Entry entry : page.entries()) {
        Version version = version(machineArn, entry);
        if (version != null) versions.add(version);
      }
      cursor = page.nextCursor();
    } while (cursor != null && versions.size() < max);
    return new Page(versions, cursor);
  }

  public record Page(List<Version> versions, String nextCursor) {}

  /** Leaves a tombstone, so the number is not used again; false when there was no such version. */
  public boolean delete(String machineArn, int number) {
    if (get(machineArn, number).isEmpty()) return false;
    documents.put(group(machineArn), id(number), Json.object().put("deleted", true));
    return true;
  }

  /** Every version of a deleted machine goes with it. */
  public void deleteAll(String machineArn) {
    for (String cursor = null; ; ) {
      DocumentStore.Page page = documents.list(group(machineArn), cursor, 100, false);
      for (DocumentStore.Entry entry : page.entries()) documents.delete(group(machineArn), entry.id());
      cursor = page.nextCursor();
      if (cursor == null) return;
    }
  }

  private int count(String machineArn) {
    int count = 0;
    for (String cursor = null; ; ) {
      DocumentStore.Page page = documents.list(group(machineArn), cursor, 1000, false);
      for (DocumentStore.Entry entry : page.entries()) if (!entry.doc().path("deleted").asBoolean()) count++;
      cursor = page.nextCursor();
      if (cursor == null) return count;
    }
  }

  private static Version version(String machineArn, DocumentStore.Entry entry) {
    JsonNode doc = entry.doc();
    if (doc.path("deleted").asBoolean()) return null;
    return new Version(machineArn, Integer.parseInt(entry.id()), doc.path("revision").intValue(),
        doc.hasNonNull("description") ? doc.get("description").asText() : null, Instant.ofEpochMilli(doc.path("created").longValue()));
  }

  private static String group(String machineArn) {
    return "VER#" + machineArn;
  }

  private static String id(int number) {
    return String.format("%010d", number);
  }
}
