package io.stepwise.runtime;

import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parallel branches and Map iterations as executions of their own, each advancing one
 * transition per message, joined durably: the parent waits (holding no compute) until the last
 * child reports, or until more children failed than it tolerates, then continues exactly once,
 * because its continuation is an ordinary seq-checked transition.
 */
final class Children {
  /** With MaxConcurrency 0, children still start in waves, so one transition stays bounded. */
  static final int UNBOUNDED_WAVE = 1000;

  private final ExecutionStore store;
  private final JoinStore joins;
  private final StepQueue queue;
  private final ReaderChildren readers;
  private final ChildHistories histories;

  Children(ExecutionStore store, JoinStore joins, StepQueue queue, ReaderChildren readers) {
    this.store = store;
    this.joins = joins;
    this.queue = queue;
    this.readers = readers;
    this.histories = new ChildHistories(store);
  }

  /** Starts the first wave of a fan-out whose records exist; with none, the parent is woken at once. */
  void startWave(String parentKey, long waitingSeq, int total, int wave) {
    if (total == 0) notifyParent(parentKey, waitingSeq);
    String joinKey = ChildLink.joinKey(parentKey, waitingSeq);
    List<StepMessage> starts = new ArrayList<>(wave);
    for (int k = 0; k < wave; k++) starts.add(StepMessage.advance(ChildLink.childKey(joinKey, k), 0));
    queue.sendAll(starts);
  }

  /**
   * Starts the children of {@code run} for {@code parent}, which will wait at transition
   * {@code parent.seq() + 1}. Every child record is written before any starts, so a retried
   * fan-out can rewrite them safely; starts are idempotent.
   *
   * <p>Children run in chains of MaxConcurrency's stride, each starting the next as it ends, so
   * a chain's last child ends after all of it: the join counts a chain done once, when its last
   * child reports, instead of writing its counters at every child ({@link ChildLink#counts()}).
   * Failures are counted as they come. A Distributed Map's schedule can change while it runs
   * (UpdateMapRun), so its children count themselves, one each.
   *
   * <p>Other children's outcomes are their own last commits, which the join reads ({@link #outcomes}):
   * their reports write only counters, and their records are created packed
   * ({@link ExecutionStore#createChildren}).
   *
   * @param changeable true when UpdateMapRun may change the schedule (a Distributed Map)
   */
  void fanOut(ExecutionRecord parent, ExecutionState parentState, Command.RunChildren run, boolean changeable) {
    long waitingSeq = parent.seq() + 1;
    String joinKey = ChildLink.joinKey(parent.key(), waitingSeq);
    int total = run.children().size();
    List<ChildOutcome> kept = kept(parent.reuseJoin());
    Set<Integer> keptIndexes = new HashSet<>();
    kept.forEach(o -> keptIndexes.add(o.index()));
    List<Integer> toRun = new ArrayList<>();
    for (int i = 0; i < total; i++) if (!keptIndexes.contains(i)) toRun.add(i);
    int wave = Math.min(toRun.size(), run.maxConcurrency() > 0 ? run.maxConcurrency() : UNBOUNDED_WAVE);
    boolean inChildren = !changeable;
    joins.create(joinKey, total, wave, run.toleratedFailures(), inChildren);
    if (!joins.get(joinKey).created()) {
      String parentPath = parent.parent() == null ? "" : parent.parent().machinePath() + "/";
      List<ExecutionRecord> records = new ArrayList<>(toRun.size());
      for (int k = 0; k < toRun.size(); k++) {
        int i = toRun.get(k);
        Command.Child child = run.children().get(i);
        int branch = run.kind() == Command.RunChildren.Kind.PARALLEL ? i : -1;
        boolean last = k + wave >= toRun.size();
        int successor = last ? -1 : toRun.get(k + wave);
        int counts = changeable ? 1 : last ? k / wave + 1 : 0;
        ChildLink link = new ChildLink(parent.key(), waitingSeq, i, parentPath + run.stateName() + ":" + branch, successor,
            false, counts, inChildren);
        ExecutionState start = ExecutionState.child(parentState.info(), run.stateName(), i, child.machine().startAt(),
            child.input(), child.variables());
        records.add(new ExecutionRecord(link.childKey(), start, 0, parent.stateMachineArn(), parent.machineVersion(),
            StepMessage.advance(link.childKey(), 0), link, null, null, null));
      }
      if (inChildren) store.createChildren(joinKey, records);
      else store.createAll(records);
      for (ChildOutcome outcome : kept) joins.report(joinKey, outcome, 1); // idempotent per child
      joins.markCreated(joinKey);
    }
    if (toRun.isEmpty()) notifyParent(parent.key(), waitingSeq);
    List<StepMessage> starts = new ArrayList<>(wave);
    for (int k = 0; k < wave; k++) starts.add(StepMessage.advance(ChildLink.childKey(joinKey, toRun.get(k)), 0));
    queue.sendAll(starts);
  }

  /** After a redrive: the children that succeeded in the join that failed, kept as they were. */
  private List<ChildOutcome> kept(String reuseJoin) {
    if (reuseJoin == null) return List.of();
    return outcomes(joins.get(reuseJoin)).stream().filter(ChildOutcome::succeeded).toList();
  }

  /**
   * A child has ended: record its outcome, start the next child, and wake the parent when due.
   * A child stopped because its parent went on starts no one and wakes no one; once more
   * children failed than tolerated, no further child starts.
   */
  void report(ExecutionRecord child) {
    report(child, queue);
  }

  /** @param starts where the next children's starts go (a {@link HandOff} keeps one for the worker) */
  void report(ExecutionRecord child, StepQueue starts) {
    ExecutionState end = child.state();
    int index = child.parent().index();
    ChildOutcome outcome = outcome(child);
    ChildLink link = child.parent();
    JoinStore.Progress progress = link.inChildren()
        ? joins.count(link.joinKey(), !outcome.succeeded(), link.counts())
        : joins.report(link.joinKey(), outcome, link.counts());
    if (end.status() == ExecutionStatus.ABORTED) return;
    boolean failing = progress.failed() > progress.tolerated();
    // Each child hands its slot to one fixed successor: a repeated report starts the same child
    // again (a duplicate start is dropped as stale), and no child is ever skipped.
    MapRunSchedule schedule = progress.schedule();
    if (!failing) {
      start(child.parent(), schedule.original() ? child.parent().successor() : schedule.successor(index), starts);
      int raised = schedule.handsOverTo(index);
      if (raised > 0) schedule.addedRoots(raised).forEach(root -> start(child.parent(), root, starts));
    }
    if (progress.done() >= progress.total() || failing) {
      notifyParent(child.parent().parentKey(), child.parent().parentSeq());
    }
  }

  /** What an ended child reports: its output, or its error and cause. */
  private static ChildOutcome outcome(ExecutionRecord child) {
    ExecutionState end = child.state();
    int index = child.parent().index();
    return end.status() == ExecutionStatus.SUCCEEDED
        ? ChildOutcome.success(index, end.output())
        : ChildOutcome.failure(index, end.error(), end.cause());
  }

  /**
   * Every outcome so far, in index order: the join's outcome items, and where the children's last
   * commits are their outcomes ({@link JoinStore.Join#inChildren()}), those of the children that
   * ended (one read each; the join's items then hold only outcomes kept from a redriven join).
   */
  List<ChildOutcome> outcomes(JoinStore.Join join) {
    List<ChildOutcome> stored = joins.outcomes(join.key());
    if (!join.inChildren()) return stored;
    Map<Integer, ChildOutcome> byIndex = new TreeMap<>();
    stored.forEach(o -> byIndex.put(o.index(), o));
    for (int i = 0; i < join.total(); i++) {
      if (byIndex.containsKey(i)) continue;
      ExecutionRecord child = store.load(ChildLink.childKey(join.key(), i)).orElse(null);
      if (child != null && child.state().isDone()) byIndex.put(i, outcome(child));
    }
    return new ArrayList<>(byIndex.values());
  }

  /** Starts child {@code index} of {@code sibling}'s join (none for -1), creating its record first if it is read. */
  void start(ChildLink sibling, int index) {
    start(sibling, index, queue);
  }

  private void start(ChildLink sibling, int index, StepQueue starts) {
    if (index < 0 || sibling.read() && !readers.ensureCreated(sibling, index)) return;
    starts.send(StepMessage.advance(ChildLink.childKey(sibling.joinKey(), index), 0), 0);
  }

  /**
   * The parent, waiting at its join, is about to go on (its children finished or too many
   * failed, or it was stopped or timed out): every child without an outcome is sent a STOP.
   * Sent before the parent's commit, so a crash cannot lose them; a child applies one only
   * once its parent has moved on, so a STOP from a commit that failed is harmless.
   *
   * @param known the outcomes the parent joins with, or null to read them
   */
  void stopUnfinished(ExecutionRecord parent, List<ChildOutcome> known, String error, String cause) {
    String joinKey = ChildLink.joinKey(parent.key(), parent.seq());
    JoinStore.Join join = joins.get(joinKey);
    List<ChildOutcome> outcomes = known != null ? known : outcomes(join);
    int total = join.total();
    if (outcomes.size() >= total) return;
    Set<Integer> done = new HashSet<>();
    outcomes.forEach(o -> done.add(o.index()));
    boolean read = readers.reads(parent);
    MapRunSchedule schedule = join.schedule();
    for (int i = 0; i < total; i++) {
      if (done.contains(i)) continue;
      String childKey = ChildLink.childKey(joinKey, i);
      // An ItemReader's child has a record only once the one before it in its slot ended (see
      // ReaderChildren); one never created needs no STOP, and would wait for a record forever.
      if (read && (!schedule.due(i, done) || store.load(childKey).isEmpty())) continue;
      queue.send(StepMessage.stop(childKey, error, cause), 0);
    }
  }

  /** True when a STOP for {@code child} may apply: its parent is no longer waiting on its join. */
  boolean parentMovedOn(ExecutionRecord child) {
    ExecutionRecord parent = store.load(child.parent().parentKey()).orElse(null);
    return parent == null || parent.seq() > child.parent().parentSeq() || parent.state().isDone();
  }

  /** Wakes the parent at its join, which then checks whether it is complete or failed. */
  void notifyParent(String parentKey, long parentSeq) {
    queue.send(new StepMessage(parentKey, parentSeq, StepMessage.Kind.CHILDREN_DONE, 0, null, null, null), 0);
  }

  /**
   * The event that continues the parent, or null when the join is not complete after all (a
   * counter ran over after a retried report): outcomes are counted, not the counters.
   */
  Event.ChildrenFinished finished(ExecutionRecord parent) {
    String joinKey = ChildLink.joinKey(parent.key(), parent.seq());
    JoinStore.Join join = joins.get(joinKey);
    List<ChildOutcome> outcomes = outcomes(join);
    long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
    if (outcomes.size() < join.total() && failed <= join.tolerated()) return null;
    // UpdateMapRun's tolerance, once set, is the Map's: the definition's is not evaluated again.
    boolean changed = join.changes() != null && (join.changes().toleratedCount() != null
        || join.changes().toleratedPercentage() != null);
    return new Event.ChildrenFinished(histories.attach(joinKey, outcomes), changed ? join.tolerated() : null);
  }

  /** The branch or item processor a child runs, by its path from the root machine. */
  static StateMachine machine(StateMachine root, String path) {
    StateMachine machine = root;
    for (String step : path.split("/")) {
      int colon = step.lastIndexOf(':');
      State state = machine.state(step.substring(0, colon));
      int branch = Integer.parseInt(step.substring(colon + 1));
      machine = state instanceof State.Parallel p ? p.branches().get(branch) : ((State.Map) state).processor();
    }
    return machine;
  }
}
