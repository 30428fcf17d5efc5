package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.Command;
import io.stepwise.engine.DistributedMap;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionState;
import io.stepwise.eval.StatesError;
import io.stepwise.items.ItemCursor;
import io.stepwise.items.ItemStream;
import io.stepwise.items.ItemStreams;
import io.stepwise.items.ObjectStorage;
import io.stepwise.items.MapRunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The children of a Map with an ItemReader, which may be millions: no transition holds them all.
 * Starting the Map reads the source once to count the children and note where every group of
 * {@link #GROUP} children begins (a {@link ReaderCursors} item per group), then creates only the
 * records of the first wave (in batches: none has started). Every later child's record is
 * created by the child that starts it (its predecessor under MaxConcurrency), which reads the
 * source again from the cursor of that child's group. Creation is conditional, so a repeated
 * start never overwrites a child that is already running. The join is {@link Children}'s.
 */
final class ReaderChildren {
  /** Children per stored cursor: a child's record is made by reading at most this many children. */
  static final int GROUP = 100;

  private final ExecutionStore store;
  private final JoinStore joins;
  private final ReaderCursors cursors;
  private final ObjectStorage storage;
  private final Function<ExecutionRecord, StateMachine> machines;

  ReaderChildren(ExecutionStore store, JoinStore joins, ReaderCursors cursors, ObjectStorage storage,
      Function<ExecutionRecord, StateMachine> machines) {
    this.store = store;
    this.joins = joins;
    this.cursors = cursors;
    this.storage = storage;
    this.machines = machines;
  }

  /** True when {@code parent} waits in a Map whose children are read from an ItemReader. */
  boolean reads(ExecutionRecord parent) {
    return machines.apply(parent).state(parent.state().currentState()) instanceof State.Map map && map.itemReader() != null;
  }

  /** One child read from the source: its index, where its items begin, and its input. */
  private interface Sink {
    void child(int index, ItemCursor start, JsonNode input);
  }

  /**
   * Starts the Map for {@code parent}, which will wait at {@code parent.seq() + 1}.
   *
   * @return the children of the first wave to start, or a TaskFailed event when the items
   *     cannot be read
   */
  Started fanOut(ExecutionRecord parent, ExecutionState parentState, Command.ReadChildren read) {
    DistributedMap plan = read.plan();
    String joinKey = ChildLink.joinKey(parent.key(), parent.seq() + 1);
    List<String> groups = new ArrayList<>();
    int total;
    try {
      total = read(storageOf(parent), plan, ItemCursor.START, 0, Integer.MAX_VALUE, (index, start, input) -> {
        if (index % GROUP == 0) groups.add(start.encode());
      });
    } catch (StatesError e) {
      return new Started(0, 0, new Event.TaskFailed(e.error(), e.cause()));
    }
    int maxConcurrency = plan.maxConcurrency();
    int wave = Math.min(total, maxConcurrency > 0 ? maxConcurrency : Children.UNBOUNDED_WAVE);
    joins.create(joinKey, total, wave, plan.toleratedFailures(total), false);
    if (!joins.get(joinKey).created()) {
      cursors.put(joinKey, groups);
      // No child has started yet, so the first wave's records are written in batches, unconditionally.
      List<ExecutionRecord> first = new ArrayList<>(wave);
      read(storageOf(parent), plan, ItemCursor.START, 0, wave, (index, start, input) ->
          first.add(record(parent, parent.seq() + 1, parentState, plan, index, input, wave, total)));
      store.createAll(first);
      joins.markCreated(joinKey);
    }
    return new Started(total, wave, null);
  }

  /** @param failed non-null when the Map fails at once instead */
  record Started(int total, int wave, Event.TaskFailed failed) {}

  /**
   * Makes sure child {@code index} of the join {@code link} belongs to has its record: reads its
   * group's part of the source up to it, and creates the record unless it exists.
   *
   * @return false when the parent has gone on without the rest of its children
   * @throws ExecutionStore.ConflictException while the parent has not committed the Map's start:
   *     the report is retried
   */
  boolean ensureCreated(ChildLink link, int index) {
    if (store.load(ChildLink.childKey(link.joinKey(), index)).isPresent()) return true;
    ExecutionRecord parent = store.load(link.parentKey()).orElseThrow();
    // The first wave starts before its parent commits the Map: a fast child waits for the commit.
    if (parent.seq() < link.parentSeq()) throw new ExecutionStore.ConflictException("the Map's parent has not committed");
    if (parent.seq() > link.parentSeq()) return false;
    DistributedMap plan = DistributedMap.resume(machines.apply(parent), parent.state());
    JoinStore.Join join = joins.get(link.joinKey());
    int group = index / GROUP;
    ItemCursor from = ItemCursor.decode(cursors.get(link.joinKey(), group));
    read(storageOf(parent), plan, from, group * GROUP, index - group * GROUP + 1, (i, start, input) -> {
      if (i == index) store.create(record(parent, link.parentSeq(), parent.state(), plan, i, input, join.wave(), join.total()));
    });
    return true;
  }

  /** Child {@code index}'s record, about to start with {@code input}. */
  private static ExecutionRecord record(ExecutionRecord parent, long waitingSeq, ExecutionState parentState,
      DistributedMap plan, int index, JsonNode input, int wave, int total) {
    String path = (parent.parent() == null ? "" : parent.parent().machinePath() + "/") + plan.stateName() + ":-1";
    int successor = index + wave < total ? index + wave : -1;
    ChildLink link = new ChildLink(parent.key(), waitingSeq, index, path, successor, true);
    ExecutionState begin = ExecutionState.child(parentState.info(), plan.stateName(), index, plan.processor().startAt(),
        input, plan.variables());
    return new ExecutionRecord(link.childKey(), begin, 0, parent.stateMachineArn(), parent.machineVersion(),
        StepMessage.advance(link.childKey(), 0), link, null, null, null);
  }

  /**
   * Reads up to {@code max} children from {@code from} (child {@code first} begins there),
   * handing each to {@code sink}; returns the index after the last one read.
   */
  private int read(ObjectStorage storage, DistributedMap plan, ItemCursor from, int first, int max, Sink sink) {
    DistributedMap.ChildInputs inputs = plan.childInputs();
    int child = first;
    ItemCursor pendingStart = null;
    try (ItemStream items = ItemStreams.open(storage, plan.reader(), from)) {
      while (child - first < max) {
        ItemCursor before = items.cursor();
        JsonNode item = items.next();
        if (item == null) break;
        JsonNode done = inputs.add(item, before.index());
        if (!inputs.batched()) {
          sink.child(child++, before, done);
        } else {
          if (done != null) sink.child(child++, pendingStart, done);
          if (done != null || pendingStart == null) pendingStart = before;
        }
      }
      if (child - first < max) {
        JsonNode last = inputs.finish();
        if (last != null) sink.child(child++, pendingStart, last);
      }
    }
    return child;
  }

  /**
   * At the join of a Map with a ResultWriter: writes the results to storage before the parent
   * continues; the engine then outputs where they are.
   *
   * @return {@code finished}, or TaskFailed when the results cannot be written
   */
  Event afterJoin(ExecutionRecord parent, StateMachine machine, Event.ChildrenFinished finished) {
    String joinKey = ChildLink.joinKey(parent.key(), parent.seq());
    try {
      MapRunResults.write(storageOf(parent), machine, parent.state(), finished.outcomes(), joins.get(joinKey).total(),
          i -> ChildLink.childKey(joinKey, i));
      return finished;
    } catch (StatesError e) {
      return new Event.TaskFailed(e.error(), e.cause());
    }
  }

  /** The storage as the Map's execution's role: a Map reads and writes with its machine's rights. */
  private ObjectStorage storageOf(ExecutionRecord execution) {
    return storage.as(execution.state().info().executionArn(), execution.state().info().roleArn());
  }
}
