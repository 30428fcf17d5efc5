package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.ErrorNames;
import java.util.List;

/**
 * How one Parallel branch or Map iteration ended, with the history it wrote: numbered from 1 in
 * its own run, the first event linked to 0 (see {@link ExecutionState#child}).
 *
 * @param stopped the driver stopped it unfinished, at the time a sibling's failure ends the
 *     fan-out: neither a result nor a failure, its running state is aborted at the join
 */
public record ChildOutcome(int index, boolean succeeded, JsonNode output, String error, String cause,
    List<HistoryEvent> events, boolean stopped) {
  public static ChildOutcome success(int index, JsonNode output) {
    return new ChildOutcome(index, true, output, null, null, List.of(), false);
  }

  public static ChildOutcome failure(int index, String error, String cause) {
    return new ChildOutcome(index, false, null, error, cause, List.of(), false);
  }

  public static ChildOutcome stopped(int index) {
    return new ChildOutcome(index, false, null, null, null, List.of(), true);
  }

  /**
   * A States.Runtime failure: it ends the whole execution where it happened, with no Failed or
   * Aborted event of its own state, its iteration or the Map or Parallel around it, as AWS
   * records a branch's runtime error (floci-io/floci#2868).
   */
  public boolean endsTheRun() {
    return !succeeded && ErrorNames.RUNTIME.equals(error);
  }

  public ChildOutcome withEvents(List<HistoryEvent> childEvents) {
    return new ChildOutcome(index, succeeded, output, error, cause, List.copyOf(childEvents), stopped);
  }

  /** Whether it ended in failure (not merely stopped). */
  public boolean failed() {
    return !succeeded && !stopped;
  }
}
