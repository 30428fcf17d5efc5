package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.n;
import static io.stepwise.aws.dynamodb.Items.s;

import io.stepwise.runtime.StateMachineStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * State machine versions as items {@code SM#arn / V#version}; a version is written once.
 *
 * <p>Deleting a machine writes one more version item, a tombstone ({@code deleted}): the
 * machine's latest version is then "none", while the versions its running executions use stay
 * readable, and a machine created again under the same name numbers its versions on from there.
 * Each machine also has a listing item {@code SM#arn / L} on the {@code byMachineStatus} index
 * under {@link #LISTING}, whose sort key carries what ListStateMachines shows (the index keeps
 * keys only): {@code {arn}#{type}#{creationMillis}}. Definitions are stored deflated, in parts
 * when large ({@link StoredDefinitions}).
 */
public final class DynamoDbStateMachineStore implements StateMachineStore {
  /** The index partition of the listing items; execution partitions always contain a '|'. */
  static final String LISTING = "STATE_MACHINES";
  private static final String LISTING_SK = "L";
  private static final int ATTEMPTS = 5;
  private final DynamoDbClient dynamo;
  private final String table;
  private final InstantSource clock;
  private final StoredDefinitions definitions;

  public DynamoDbStateMachineStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, InstantSource.system());
  }

  public DynamoDbStateMachineStore(DynamoDbClient dynamo, String table, InstantSource clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.definitions = new StoredDefinitions(dynamo, table);
  }

  @Override
  public int put(StateMachineRecord machine) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, AttributeValue> top = top(machine.arn());
      boolean fresh = top == null || isTombstone(top);
      int version = top == null ? 1 : Integer.parseInt(top.get("version").n()) + 1;
      long now = clock.instant().toEpochMilli();
      long created = fresh || !top.containsKey("created") ? now : Long.parseLong(top.get("created").n());
      Map<String, AttributeValue> item = versionItem(machine.arn(), version);
      item.put("name", s(machine.name()));
      definitions.write(machine.arn(), version, machine.definition(), item);
      item.put("roleArn", s(machine.roleArn()));
      item.put("type", s(machine.type()));
      item.put("created", n(created));
      item.put("updated", n(now));
      if (putNew(item)) {
        // The listing goes last, so a failed or crashed write never leaves a listed name that
        // describes as missing (a crash in between leaves a machine that describes but is not
        // listed until it is deleted and created again). Only a new machine writes it: an update racing a delete must not
        // list the deleted machine again.
        if (fresh) putListing(machine, created);
        return version;
      }
      // Another writer took this version number: read the latest again.
    }
    throw new IllegalStateException("could not store a new version of " + machine.arn() + " after " + ATTEMPTS + " attempts");
  }

  @Override
  public Optional<StateMachineRecord> get(String arn, int version) {
    return describe(arn, version).map(Described::machine);
  }

  @Override
  public Optional<StateMachineRecord> latest(String arn) {
    return describe(arn).map(Described::machine);
  }

  @Override
  public Optional<Described> describe(String arn) {
    Map<String, AttributeValue> top = top(arn);
    return top == null || isTombstone(top) ? Optional.empty() : Optional.of(described(arn, top));
  }

  @Override
  public Optional<Described> describe(String arn, int version) {
    var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(Table.PK, s(Table.machineKey(arn)), Table.SK, s(Table.versionKey(version)))));
    if (!response.hasItem() || response.item().isEmpty() || isTombstone(response.item())) return Optional.empty();
    return Optional.of(described(arn, response.item()));
  }

  @Override
  public MachinePage list(String after, int max) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", Table.GSI1_PK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(LISTING)));
    if (after != null) {
      names.put("#sk", Table.GSI1_SK);
      values.put(":after", s(after));
    }
    String condition = after == null ? "#pk = :pk" : "#pk = :pk AND #sk > :after";
    List<MachineSummary> machines = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Table.GSI1)
          .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
          .exclusiveStartKey(start).limit(max + 1 - machines.size()).build());
      for (Map<String, AttributeValue> item : page.items()) {
        String key = item.get(Table.GSI1_SK).s();
        keys.add(key);
        machines.add(summary(key));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && machines.size() <= max);
    if (machines.size() <= max) return new MachinePage(machines, null);
    return new MachinePage(List.copyOf(machines.subList(0, max)), keys.get(max - 1));
  }

  @Override
  public boolean delete(String arn) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, AttributeValue> top = top(arn);
      if (top == null || isTombstone(top)) {
        deleteListing(arn); // idempotent, and it clears a listing a crash left behind
        return false;
      }
      Map<String, AttributeValue> tombstone = versionItem(arn, Integer.parseInt(top.get("version").n()) + 1);
      tombstone.put("deleted", AttributeValue.fromBool(true));
      tombstone.put("updated", n(clock.instant().toEpochMilli()));
      if (putNew(tombstone)) {
        deleteListing(arn);
        return true;
      }
    }
    throw new IllegalStateException("could not delete " + arn + " after " + ATTEMPTS + " attempts");
  }

  /** The highest version item, tombstones included; null when there is none. */
  private Map<String, AttributeValue> top(String arn) {
    QueryResponse response = dynamo.query(r -> r.tableName(table).consistentRead(true).scanIndexForward(false).limit(1)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :v)")
        .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
        .expressionAttributeValues(Map.of(":pk", s(Table.machineKey(arn)), ":v", s("V#"))));
    return response.items().isEmpty() ? null : response.items().get(0);
  }

  private Map<String, AttributeValue> versionItem(String arn, int version) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, s(Table.machineKey(arn)));
    item.put(Table.SK, s(Table.versionKey(version)));
    item.put("version", n(version));
    return item;
  }

  private boolean putNew(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)));
      return true;
    } catch (ConditionalCheckFailedException raced) {
      return false;
    }
  }

  private void putListing(StateMachineRecord machine, long created) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, s(Table.machineKey(machine.arn())));
    item.put(Table.SK, s(LISTING_SK));
    item.put(Table.GSI1_PK, s(LISTING));
    item.put(Table.GSI1_SK, s(machine.arn() + "#" + machine.type() + "#" + created));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  private void deleteListing(String arn) {
    dynamo.deleteItem(r -> r.tableName(table).key(Map.of(Table.PK, s(Table.machineKey(arn)), Table.SK, s(LISTING_SK))));
  }

  private static MachineSummary summary(String listingKey) {
    int created = listingKey.lastIndexOf('#');
    int type = listingKey.lastIndexOf('#', created - 1);
    String arn = listingKey.substring(0, type);
    return new MachineSummary(arn, arn.substring(arn.lastIndexOf(':') + 1), listingKey.substring(type + 1, created),
        Instant.ofEpochMilli(Long.parseLong(listingKey.substring(created + 1))));
  }

  private static boolean isTombstone(Map<String, AttributeValue> item) {
    AttributeValue deleted = item.get("deleted");
    return deleted != null && Boolean.TRUE.equals(deleted.bool());
  }

  private Described described(String arn, Map<String, AttributeValue> item) {
    StateMachineRecord machine = new StateMachineRecord(arn, item.get("name").s(), Integer.parseInt(item.get("version").n()),
        definitions.read(arn, item), item.get("roleArn").s(), item.get("type").s());
    return new Described(machine, instant(item.get("created")), instant(item.get("updated")));
  }

  private static Instant instant(AttributeValue millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis.n()));
  }
}
