package io.stepwise.runtime;

import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The children's own histories, read at the join so that the engine writes them into the
 * parent's history in Step Functions' order. A join whose children wrote more than the parent's
 * one transition item can hold keeps them in the children's records only (see the README).
 */
final class ChildHistories {
  /** Payload text copied into one parent transition, well under DynamoDB's 400 KB item limit. */
  static final long MAX_COPIED_CHARS = 160 * 1024;
  /** Children read at one join: one query each. */
  static final int MAX_COPIED_CHILDREN = 256;

  private final ExecutionStore store;

  ChildHistories(ExecutionStore store) {
    this.store = store;
  }

  /** {@code outcomes}, each with its child's events; without any when they are too large to copy. */
  List<ChildOutcome> attach(String joinKey, List<ChildOutcome> outcomes) {
    if (outcomes.size() > MAX_COPIED_CHILDREN) return outcomes;
    List<ChildOutcome> attached = new ArrayList<>(outcomes.size());
    long chars = 0;
    for (ChildOutcome outcome : outcomes) {
      List<HistoryEvent> events = new ArrayList<>();
      // A finished child commits no further transition: all its history is committed.
      String childKey = ChildLink.childKey(joinKey, outcome.index());
      for (ExecutionStore.TransitionEvents transition : store.transitions(childKey, 0, Long.MAX_VALUE / 2, false, Integer.MAX_VALUE)) {
        events.addAll(transition.events());
      }
      for (HistoryEvent event : events) chars += 64 + (event.payload() == null ? 0 : event.payload().length());
      if (chars > MAX_COPIED_CHARS) return outcomes;
      attached.add(outcome.withEvents(events));
    }
    return attached;
  }
}
