package io.stepwise.runtime.memory;

import io.stepwise.engine.ChildOutcome;
import io.stepwise.runtime.JoinStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link JoinStore} in maps: counters that may run over on a repeated report, outcomes per child. */
public final class InMemoryJoinStore implements JoinStore {
  private static final class Counters {
    final int total;
    final int wave;
    long tolerated;
    Changes changes;
    final boolean inChildren;
    boolean created;
    long done;
    long failed;
    final Map<Integer, ChildOutcome> outcomes = new TreeMap<>();

    Counters(int total, int wave, long tolerated, boolean inChildren) {
      this.inChildren = inChildren;
      this.total = total;
      this.wave = wave;
      this.tolerated = tolerated;
    }
  }

  private final Map<String, Counters> joins = new ConcurrentHashMap<>();

  @Override
  public synchronized boolean create(String joinKey, int total, int wave, long tolerated, boolean inChildren) {
    return joins.putIfAbsent(joinKey, new Counters(total, wave, tolerated, inChildren)) == null;
  }

  @Override
  public synchronized Join get(String joinKey) {
    Counters c = counters(joinKey);
    return new Join(joinKey, c.total, c.wave, c.tolerated, c.created, c.done, c.failed, c.changes, c.inChildren);
  }

  @Override
  public synchronized void markCreated(String joinKey) {
    counters(joinKey).created = true;
  }

  @Override
  public synchronized Progress report(String joinKey, ChildOutcome outcome, int counts) {
    counters(joinKey).outcomes.put(outcome.index(), outcome);
    return count(joinKey, !outcome.succeeded(), counts);
  }

  @Override
  public synchronized Progress count(String joinKey, boolean failed, int counts) {
    Counters c = counters(joinKey);
    c.done += counts;
    if (failed) c.failed++;
    return new Progress(c.total, c.wave, c.done, c.failed, c.tolerated, c.changes == null ? "" : c.changes.generations());
  }

  @Override
  public synchronized boolean change(String joinKey, long doneSeen, Changes changes, long tolerated) {
    Counters c = counters(joinKey);
    if (c.failed > c.tolerated || doneSeen >= 0 && c.done != doneSeen) return false;
    c.changes = changes;
    c.tolerated = tolerated;
    return true;
  }

  @Override
  public synchronized List<ChildOutcome> outcomes(String joinKey) {
    return new ArrayList<>(counters(joinKey).outcomes.values());
  }

  private Counters counters(String joinKey) {
    Counters c = joins.get(joinKey);
    if (c == null) throw new IllegalStateException("no join " + joinKey);
    return c;
  }
}
