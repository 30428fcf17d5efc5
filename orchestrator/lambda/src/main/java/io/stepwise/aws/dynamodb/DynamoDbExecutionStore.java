package io.stepwise.aws.dynamodb;

import static io.stepwise.aws.dynamodb.Items.b;
import static io.stepwise.aws.dynamodb.Items.n;
import static io.stepwise.aws.dynamodb.Items.s;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.runtime.ChildLink;
import io.stepwise.runtime.Deflate;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStateCodec;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.HistoryCodec;
import io.stepwise.runtime.RecordCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ExecutionStore} on one DynamoDB table: single-item conditional writes only. A
 * transition's history item is its commit: it holds the record it commits, and the record item
 * R is written at the start and again when the status changes, for the listing index.
 */
public final class DynamoDbExecutionStore implements ExecutionStore {
  /** A history item's events and the record they commit (absent from a claim). */
  static final String COMMIT = "commit";
  static final String OWNER = "owner";
  static final String LEASE = "leaseUntil";
  /** Children per packed item ({@link #createChildren}): a child's first load reads and inflates its group. */
  static final int PACKED = 50;
  /** A group that deflates to more than this is written as one record item per child, well under 400 KB. */
  static final int MAX_PACKED_BYTES = 256 * 1024;
  private final DynamoDbClient dynamo;
  private final String table;

  /** Standard executions run for a year at most: history written while running outlives that. */
  static final Duration LONGEST_EXECUTION = Duration.ofDays(365);

  private final Duration retention;
  /** Execution inputs never change: children read their execution's once per container. */
  private final Map<String, JsonNode> executionInputs = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
          return size() > 256;
        }
      });

  private JsonNode executionInput(String executionArn) {
    JsonNode input = executionInputs.get(executionArn);
    if (input == null) {
      input = load(executionArn).orElseThrow(() -> new IllegalStateException("no execution " + executionArn))
          .state().info().input();
      executionInputs.put(executionArn, input);
    }
    return input;
  }

  public DynamoDbExecutionStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, null);
  }

  /**
   * @param retention how long a finished execution is kept (the table's TTL attribute
   *     {@code expiresAt}), or null to keep everything
   */
  public DynamoDbExecutionStore(DynamoDbClient dynamo, String table, Duration retention) {
    this.dynamo = dynamo;
    this.table = table;
    this.retention = retention;
  }

  /**
   * When TTL may delete an item written now: a finished record after the retention; history,
   * written while the execution runs, after the longest execution plus the retention, so it
   * always outlives its record's retention.
   */
  private void expiry(Map<String, AttributeValue> item, Instant now, boolean finished) {
    if (retention == null) return;
    Instant at = now.plus(retention).plus(finished ? Duration.ZERO : LONGEST_EXECUTION);
    item.put("expiresAt", n(at.getEpochSecond()));
  }

  /**
   * One query, newest first, from {@code R} down the history items: R and the newest one or two
   * H items (a claim may sit above the newest commit). The record is the newest committed H
   * item's, else R's (seq 0). When R's listing keys lag the record's status (a crash came
   * between a commit and its {@link #reindex}), R is brought up to date here.
   */
  @Override
  public Optional<ExecutionRecord> load(String executionArn) {
    QueryResponse newest = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to").scanIndexForward(false).limit(3)
        .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
        .expressionAttributeValues(Map.of(":pk", s(Table.executionKey(executionArn)), ":from", s("H#"), ":to", s("R")))
        .build());
    Map<String, AttributeValue> recordItem = null;
    ExecutionRecord record = null;
    for (Map<String, AttributeValue> item : newest.items()) {
      if (item.get(Table.SK).s().equals("R")) {
        recordItem = item;
      } else if (item.containsKey(COMMIT)) {
        record = RecordCodec.committedRecord(item.get(COMMIT).b().asByteArray());
        break;
      }
    }
    if (recordItem == null) {
      // A packed child has no R: its newest commit, else its record as the fan-out packed it.
      if (record == null && isChild(executionArn)) record = unpacked(executionArn);
      if (record == null) return Optional.empty(); // never created, or expired: its history outlives it
    } else if (record == null || record.seq() <= Long.parseLong(recordItem.get("seq").n())) {
      record = fromRecordItem(executionArn, recordItem);
    } else if (recordItem.containsKey(Table.GSI1_PK)
        && !recordItem.get(Table.GSI1_PK).s().endsWith("|" + record.state().status().name())) {
      reindex(record);
    }
    ExecutionState state = record.state();
    if (state.info().input() != null) return Optional.of(record);
    state = state.withInfo(state.info().withInput(executionInput(state.info().executionArn())));
    return Optional.of(new ExecutionRecord(record.key(), state, record.seq(), record.stateMachineArn(),
        record.machineVersion(), record.next(), record.parent(), record.reuseJoin(), record.callbackToken(), record.origin()));
  }

  private static ExecutionRecord fromRecordItem(String executionArn, Map<String, AttributeValue> item) {
    ExecutionState state = ExecutionStateCodec.decode(Deflate.inflateText(item.get("state").b().asByteArray()));
    AttributeValue next = item.get("next");
    AttributeValue parent = item.get("parent");
    return new ExecutionRecord(executionArn, state, Long.parseLong(item.get("seq").n()),
        state.info().stateMachineArn(), Integer.parseInt(item.get("machineVersion").n()),
        next == null ? null : NextMessages.decode(executionArn, next.s()),
        parent == null ? null : ChildLink.decode(parent.s()),
        item.containsKey("reuseJoin") ? item.get("reuseJoin").s() : null,
        item.containsKey("callbackToken") ? item.get("callbackToken").s() : null,
        item.containsKey("versionArn") ? new ExecutionRecord.Origin(item.get("versionArn").s(),
            item.containsKey("aliasArn") ? item.get("aliasArn").s() : null) : null);
  }

  @Override
  public boolean create(ExecutionRecord record) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(recordItem(record))
          .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * The children's records packed {@link #PACKED} to an item, {@code S#{group}} in the join's
   * partition, instead of an item each: a child's load reads its group until the child's first
   * commit, and R is never written for it (branches and iterations are not listed). Written
   * before any child starts, like {@link #createAll}, so a retried fan-out may write them again.
   */
  @Override
  public void createChildren(String joinKey, List<ExecutionRecord> records) {
    Map<Integer, List<ExecutionRecord>> groups = new TreeMap<>();
    for (ExecutionRecord record : records) {
      groups.computeIfAbsent(record.parent().index() / PACKED, g -> new ArrayList<>()).add(record);
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>(groups.size());
    Instant now = Instant.now();
    for (Map.Entry<Integer, List<ExecutionRecord>> group : groups.entrySet()) {
      byte[] packed = RecordCodec.packed(group.getValue());
      if (packed.length > MAX_PACKED_BYTES) {
        for (ExecutionRecord record : group.getValue()) items.add(recordItem(record));
        continue;
      }
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(Table.PK, s(Table.joinKey(joinKey)));
      item.put(Table.SK, s(Table.packedKey(group.getKey())));
      item.put("records", b(packed));
      expiry(item, now, false);
      items.add(item);
    }
    BatchWrites.putAll(dynamo, table, items);
  }

  /** A branch's or iteration's key: its execution's ARN, the join's seq and its index, joined by bars (no name has one). */
  private static boolean isChild(String key) {
    return key.indexOf('|') >= 0;
  }

  /** A child's record as {@link #createChildren} packed it; null when it was not packed. */
  private ExecutionRecord unpacked(String childKey) {
    int bar = childKey.lastIndexOf('|');
    String joinKey = childKey.substring(0, bar);
    int index = Integer.parseInt(childKey.substring(bar + 1));
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(Table.PK, s(Table.joinKey(joinKey)), Table.SK, s(Table.packedKey(index / PACKED))))).item();
    if (item == null || !item.containsKey("records")) return null;
    return RecordCodec.unpacked(item.get("records").b().asByteArray(), childKey);
  }

  @Override
  public void createAll(List<ExecutionRecord> records) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(records.size());
    for (ExecutionRecord record : records) items.add(recordItem(record));
    BatchWrites.putAll(dynamo, table, items);
  }

  /**
   * The claim: transition {@code seq}'s history item, empty, under a lease. Its events are
   * written only with the record they commit ({@link #commitTransition}).
   */
  @Override
  public void writeHistory(String executionArn, long seq, List<HistoryEvent> events, String leaseOwner, Instant now,
      Instant leaseUntil) {
    if (!events.isEmpty()) throw new UnsupportedOperationException("history is written with its commit: commitTransition");
    Map<String, AttributeValue> item = historyItem(executionArn, seq, now);
    item.put(OWNER, s(Leases.ownerId(leaseOwner)));
    item.put(LEASE, n(leaseUntil.toEpochMilli()));
    putHistory(item, leaseOwner, now, "transition " + seq + " of " + executionArn + " is committed or held by another worker");
  }

  /**
   * The commit point, one write: transition {@code next.seq() - 1}'s history item, holding its
   * events and the record they commit, deflated together. Written over no item or this
   * worker's (or an expired) claim, never over a committed one: the single guard.
   */
  @Override
  public void commitTransition(ExecutionRecord next, List<HistoryEvent> events, String leaseOwner, Instant now,
      Instant leaseUntil) {
    Map<String, AttributeValue> item = historyItem(next.key(), next.seq() - 1, now);
    item.put(COMMIT, b(RecordCodec.commit(next, events)));
    putHistory(item, leaseOwner, now, "transition " + (next.seq() - 1) + " of " + next.key() + " is committed or held by another worker");
  }

  private Map<String, AttributeValue> historyItem(String executionArn, long seq, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, s(Table.executionKey(executionArn)));
    item.put(Table.SK, s(Table.historyKey(seq)));
    expiry(item, now, false);
    return item;
  }

  private void putHistory(Map<String, AttributeValue> item, String leaseOwner, Instant now, String conflict) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#pk) OR (attribute_not_exists(#commit) AND (#owner = :owner OR #lease < :now))")
          .expressionAttributeNames(Map.of("#pk", Table.PK, "#commit", COMMIT, "#owner", OWNER, "#lease", LEASE))
          .expressionAttributeValues(Map.of(":owner", s(Leases.ownerId(leaseOwner)), ":now", n(now.toEpochMilli()))));
    } catch (ConditionalCheckFailedException e) {
      throw new ConflictException(conflict);
    }
  }

  @Override
  public void expireLease(String executionArn, long seq) {
    try {
      dynamo.updateItem(r -> r.tableName(table)
          .key(Map.of(Table.PK, s(Table.executionKey(executionArn)), Table.SK, s(Table.historyKey(seq))))
          .updateExpression("SET #lease = :zero").conditionExpression("attribute_exists(#pk)")
          .expressionAttributeNames(Map.of("#lease", LEASE, "#pk", Table.PK))
          .expressionAttributeValues(Map.of(":zero", n(0))));
    } catch (ConditionalCheckFailedException noneHeld) {
      // no history item at that seq: nothing was claimed
    }
  }

  /** Records are committed with their history item ({@link #commitTransition}). */
  @Override
  public void commit(ExecutionRecord next, long expectedSeq) {
    throw new UnsupportedOperationException("a record is committed with its history: commitTransition");
  }

  /**
   * R again, with the committed record, so that the listing index ({@code byMachineStatus})
   * shows its status; never back to an older record. Branches and iterations are not listed.
   */
  @Override
  public void reindex(ExecutionRecord committed) {
    if (committed.parent() != null) return;
    try {
      dynamo.putItem(r -> r.tableName(table).item(recordItem(committed))
          .conditionExpression("#seq < :seq").expressionAttributeNames(Map.of("#seq", "seq"))
          .expressionAttributeValues(Map.of(":seq", n(committed.seq()))));
    } catch (ConditionalCheckFailedException newer) {
      // R shows this record or a newer one already
    }
  }

  @Override
  public HistoryPage history(String executionArn, long fromSeq, int maxEvents) {
    long committed = load(executionArn).map(ExecutionRecord::seq).orElse(0L);
    List<HistoryEvent> events = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    long seq = fromSeq;
    while (seq < committed && events.size() < maxEvents) {
      Map<String, AttributeValue> startKey = start;
      QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
          .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
          .expressionAttributeValues(Map.of(":pk", s(Table.executionKey(executionArn)),
              ":from", s(Table.historyKey(seq)), ":to", s(Table.historyKey(committed - 1))))
          .exclusiveStartKey(startKey).limit(100).build());
      for (Map<String, AttributeValue> item : page.items()) {
        List<HistoryEvent> written = events(item);
        if (written == null) continue; // a claim, not committed
        events.addAll(written);
        seq = Long.parseLong(item.get(Table.SK).s().substring(2)) + 1;
        if (events.size() >= maxEvents) break;
      }
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) break;
      start = page.lastEvaluatedKey();
    }
    return new HistoryPage(events, seq < committed ? seq : -1);
  }

  @Override
  public List<TransitionEvents> transitions(String executionArn, long lowSeq, long highSeq, boolean reverse,
      int maxTransitions) {
    List<TransitionEvents> transitions = new ArrayList<>();
    if (lowSeq > highSeq || maxTransitions <= 0) return transitions;
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to").scanIndexForward(!reverse)
          .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
          .expressionAttributeValues(Map.of(":pk", s(Table.executionKey(executionArn)),
              ":from", s(Table.historyKey(lowSeq)), ":to", s(Table.historyKey(highSeq))))
          .exclusiveStartKey(start).limit(maxTransitions - transitions.size()).build());
      for (Map<String, AttributeValue> item : page.items()) {
        List<HistoryEvent> written = events(item);
        if (written != null) transitions.add(new TransitionEvents(Long.parseLong(item.get(Table.SK).s().substring(2)), written));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && transitions.size() < maxTransitions);
    return transitions;
  }

  /**
   * A history item's events; null for a claim. An item written before the history item became the
   * commit holds its events alone ({@code events}), committed when below the record's seq.
   */
  private static List<HistoryEvent> events(Map<String, AttributeValue> item) {
    if (item.containsKey(COMMIT)) return RecordCodec.committedEvents(item.get(COMMIT).b().asByteArray());
    AttributeValue legacy = item.get("events");
    return legacy == null ? null : HistoryCodec.decode(legacy.b().asByteArray());
  }

  @Override
  public ExecutionPage executions(String stateMachineArn, ExecutionStatus status, String after, int max) {
    return ExecutionListing.page(dynamo, table, stateMachineArn, status, after, max);
  }

  private Map<String, AttributeValue> recordItem(ExecutionRecord record) {
    ExecutionState state = record.state();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, s(Table.executionKey(record.key())));
    item.put(Table.SK, s("R"));
    item.put("seq", n(record.seq()));
    item.put("state", b(Deflate.deflateText(ExecutionStateCodec.encode(state))));
    item.put("machineVersion", n(record.machineVersion()));
    if (record.next() != null) item.put("next", s(NextMessages.encode(record.next())));
    if (record.reuseJoin() != null) item.put("reuseJoin", s(record.reuseJoin()));
    if (record.callbackToken() != null) item.put("callbackToken", s(record.callbackToken()));
    if (record.origin() != null) {
      item.put("versionArn", s(record.origin().versionArn()));
      if (record.origin().aliasArn() != null) item.put("aliasArn", s(record.origin().aliasArn()));
    }
    if (record.parent() != null) {
      // A branch's or iteration's R is written once, at its start: it expires with its history.
      expiry(item, Instant.now(), false);
      item.put("parent", s(record.parent().encode()));
      return item; // branches and iterations are not listed among executions
    }
    if (state.isDone()) expiry(item, Instant.now(), true);
    // The index keys carry machine, status, start and name.
    item.put(Table.GSI1_PK, s(Table.machineStatusKey(record.stateMachineArn(), state.status().name())));
    item.put(Table.GSI1_SK, s(Table.startNameKey(state.info().startTime().toEpochMilli(), state.info().name())));
    return item;
  }
}
