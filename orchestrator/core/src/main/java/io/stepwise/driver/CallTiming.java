package io.stepwise.driver;

import io.stepwise.engine.Command;
import io.stepwise.engine.Event;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.Resource;
import io.stepwise.eval.ErrorNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When a task call's outcome comes in memory, and how its events are stamped. */
final class CallTiming {
  private CallTiming() {}

  /**
   * A call's outcome that is its timeout (a mock's, or a call that ran out of time) comes when its
   * TimeoutSeconds or HeartbeatSeconds ran out, which is when Step Functions records it; null for
   * any other outcome, which comes at once.
   */
  static Instant timedOutAt(List<Command> commands, Event outcome, Instant calledAt) {
    if (!(outcome instanceof Event.TaskFailed failed)) return null;
    for (Command c : commands) {
      if (!(c instanceof Command.InvokeTask call)) continue;
      Integer seconds = ErrorNames.TIMEOUT.equals(failed.error()) ? call.timeoutSeconds()
          : ErrorNames.HEARTBEAT_TIMEOUT.equals(failed.error()) ? call.heartbeatSeconds() : null;
      return seconds == null ? null : calledAt.plusSeconds(seconds);
    }
    return null;
  }

  /** Waits for an outcome due {@code at}: null when the lane stops first, TimedOut when the execution's deadline comes first. */
  static Event arrival(Event outcome, Instant at, Instant deadline, Lane lane) {
    if (at == null) return outcome;
    Instant until = deadline != null && deadline.isBefore(at) ? deadline : at;
    if (lane.past(until)) return null;
    lane.clock().waitUntil(until);
    return until.equals(at) ? outcome : new Event.TimedOut();
  }

  /** The task's started event stamped with the time of its call, not of the outcome that came later. */
  static List<HistoryEvent> startedAt(List<HistoryEvent> events, Instant calledAt) {
    List<HistoryEvent> stamped = new ArrayList<>(events.size());
    for (HistoryEvent e : events) {
      stamped.add(!e.type().endsWith("Started") ? e : new HistoryEvent(e.id(), e.previousEventId(), e.type(), calledAt,
          e.detailsKey(), e.details(), e.payloadField(), e.payload(), e.detailsText()));
    }
    return stamped;
  }

  /**
   * Whether the step called a callback or {@code .sync} task. In memory its invoker answers with
   * the outcome that the callback or the job's end brings (a mock), so the send itself is
   * recorded first, with an empty answer.
   */
  static boolean submitted(List<Command> commands) {
    for (Command c : commands) {
      if (c instanceof Command.InvokeTask call && Resource.parse(call.resource()).submitsFirst()) return true;
    }
    return false;
  }
}
