package io.stepwise.runtime.memory;

import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStateCodec;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.HistoryCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ExecutionStore} in maps. The state is kept as the codec's text, as DynamoDB keeps it, so
 * a record that could not be read back fails here as it would there.
 */
public final class InMemoryExecutionStore implements ExecutionStore {
  private record Stored(ExecutionRecord record, String stateText) {}

  private record HistoryItem(byte[] events, String owner, long leaseUntilMillis) {}

  private final Map<String, Stored> records = new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<Long, HistoryItem>> history = new ConcurrentHashMap<>();

  @Override
  public Optional<ExecutionRecord> load(String key) {
    Stored stored = records.get(key);
    if (stored == null) return Optional.empty();
    ExecutionState state = ExecutionStateCodec.decode(stored.stateText());
    if (state.info().input() == null) {
      // A child's record leaves the execution's input out, as in DynamoDB: fill it back in.
      String executionArn = state.info().executionArn();
      state = state.withInfo(state.info().withInput(load(executionArn).orElseThrow().state().info().input()));
    }
    ExecutionRecord r = stored.record();
    return Optional.of(new ExecutionRecord(r.key(), state, r.seq(), r.stateMachineArn(), r.machineVersion(), r.next(),
        r.parent(), r.reuseJoin(), r.callbackToken(), r.origin()));
  }

  @Override
  public synchronized boolean create(ExecutionRecord record) {
    if (records.containsKey(record.key())) return false;
    records.put(record.key(), stored(record));
    return true;
  }

  @Override
  public synchronized void createAll(List<ExecutionRecord> batch) {
    for (ExecutionRecord record : batch) records.put(record.key(), stored(record));
  }

  @Override
  public synchronized void writeHistory(String key, long seq, List<HistoryEvent> events, String leaseOwner, Instant now,
      Instant leaseUntil) {
    Stored current = records.get(key);
    if (current != null && current.record().seq() > seq) {
      throw new ConflictException("transition " + seq + " of " + key + " is committed already");
    }
    NavigableMap<Long, HistoryItem> items = history.computeIfAbsent(key, k -> new TreeMap<>());
    HistoryItem held = items.get(seq);
    if (held != null && !held.owner().equals(leaseOwner) && held.leaseUntilMillis() >= now.toEpochMilli()) {
      throw new ConflictException("transition " + seq + " of " + key + " is held by another worker");
    }
    items.put(seq, new HistoryItem(HistoryCodec.encode(events), leaseOwner, leaseUntil.toEpochMilli()));
  }

  @Override
  public synchronized void expireLease(String key, long seq) {
    NavigableMap<Long, HistoryItem> items = history.get(key);
    HistoryItem held = items == null ? null : items.get(seq);
    if (held != null) items.put(seq, new HistoryItem(held.events(), held.owner(), 0));
  }

  @Override
  public synchronized void commit(ExecutionRecord next, long expectedSeq) {
    Stored current = records.get(next.key());
    if (current == null || current.record().seq() != expectedSeq) {
      throw new ConflictException("execution " + next.key() + " is no longer at transition " + expectedSeq);
    }
    records.put(next.key(), stored(next));
  }

  @Override
  public HistoryPage history(String key, long fromSeq, int maxEvents) {
    long committed = load(key).map(ExecutionRecord::seq).orElse(0L);
    List<HistoryEvent> events = new ArrayList<>();
    long seq = fromSeq;
    for (TransitionEvents transition : transitions(key, fromSeq, committed - 1, false, Integer.MAX_VALUE)) {
      if (events.size() >= maxEvents) break;
      events.addAll(transition.events());
      seq = transition.seq() + 1;
    }
    return new HistoryPage(events, seq < committed && events.size() >= maxEvents ? seq : -1);
  }

  @Override
  public synchronized List<TransitionEvents> transitions(String key, long lowSeq, long highSeq, boolean reverse,
      int maxTransitions) {
    List<TransitionEvents> out = new ArrayList<>();
    NavigableMap<Long, HistoryItem> items = history.get(key);
    if (items == null || lowSeq > highSeq) return out;
    NavigableMap<Long, HistoryItem> range = items.subMap(lowSeq, true, highSeq, true);
    for (Map.Entry<Long, HistoryItem> e : (reverse ? range.descendingMap() : range).entrySet()) {
      if (out.size() >= maxTransitions) break;
      out.add(new TransitionEvents(e.getKey(), HistoryCodec.decode(e.getValue().events())));
    }
    return out;
  }

  /** Every execution of the machine with that status, in one page (the twin has no index lag). */
  @Override
  public ExecutionPage executions(String stateMachineArn, ExecutionStatus status, String after, int max) {
    List<ExecutionSummary> found = new ArrayList<>();
    for (Stored stored : records.values()) {
      ExecutionRecord r = stored.record();
      if (r.parent() != null || !r.stateMachineArn().equals(stateMachineArn)) continue;
      ExecutionState state = ExecutionStateCodec.decode(stored.stateText());
      if (status != null && state.status() != status) continue;
      found.add(new ExecutionSummary(r.key(), stateMachineArn, state.info().name(), state.status(), state.info().startTime()));
    }
    return new ExecutionPage(found, null);
  }

  private static Stored stored(ExecutionRecord record) {
    return new Stored(record, ExecutionStateCodec.encode(record.state()));
  }
}
