package io.stepwise.observability;

import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.runtime.CommittedTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step Functions' CloudWatch metrics, with its names and dimensions, gathered from committed
 * transitions and written once per batch in Embedded Metric Format (one line per dimension
 * value: CloudWatch reads them from the Lambda log, with no API call).
 *
 * <ul>
 *   <li>Per {@code StateMachineArn}, and summed over all machines: ExecutionsStarted,
 *       ExecutionsSucceeded, ExecutionsFailed, ExecutionsAborted, ExecutionsTimedOut,
 *       ExecutionTime, and Stepwise's StateTransitions (states entered, as Step Functions bills
 *       them, Parallel branches and Map iterations included).
 *   <li>Per task resource ({@code ServiceIntegrationResourceArn}, {@code LambdaFunctionArn},
 *       {@code ActivityArn}): the Scheduled, Started, Succeeded, Failed and TimedOut counts, the
 *       time from scheduled to closed ({@code *Time}), and for a call made within one transition
 *       its run time ({@code *RunTime}).
 *   <li>Without a dimension: StepMessages handled, StepMessageAge (how late each was handled
 *       after it fell due) and ExecutionLogEventsFailed.
 * </ul>
 * Thread-safe: the local stack runs several pollers through one handler.
 */
public final class StepMetrics {
  /** {@code AWS/States} is AWS's own: user metrics cannot be written there. */
  public static final String DEFAULT_NAMESPACE = "Stepwise";

  private final String namespace;
  private final Map<String, MetricGroup> groups = new LinkedHashMap<>();

  public StepMetrics(String namespace) {
    this.namespace = namespace;
  }

  private record Family(String singular, String plural, String dimension) {}

  private static final Family SERVICE = new Family("ServiceIntegration", "ServiceIntegrations", "ServiceIntegrationResourceArn");
  private static final Family LAMBDA = new Family("LambdaFunction", "LambdaFunctions", "LambdaFunctionArn");
  private static final Family ACTIVITY = new Family("Activity", "Activities", "ActivityArn");

  public synchronized void record(CommittedTransition t) {
    ExecutionState before = t.before().state();
    ExecutionState after = t.after().state();
    MetricGroup machine = group("StateMachineArn", t.after().stateMachineArn(), true);
    long entered = after.transitions() - before.transitions();
    if (entered > 0) machine.count("StateTransitions", entered);
    if (t.topLevel() && t.before().seq() == 0) machine.count("ExecutionsStarted", 1);
    if (t.topLevel() && !before.isDone() && after.isDone()) {
      machine.count(switch (after.status()) {
        case SUCCEEDED -> "ExecutionsSucceeded";
        case TIMED_OUT -> "ExecutionsTimedOut";
        case ABORTED -> "ExecutionsAborted";
        default -> "ExecutionsFailed";
      }, 1);
      Instant end = t.events().isEmpty() ? t.startedAt() : t.events().get(t.events().size() - 1).timestamp();
      machine.duration("ExecutionTime", end.toEpochMilli() - after.info().startTime().toEpochMilli());
    }
    tasks(t);
  }

  /** The task events this transition made (not a child's copied in at a join). */
  private void tasks(CommittedTransition t) {
    Map<String, Instant> scheduled = new LinkedHashMap<>();
    for (HistoryEvent event : t.events()) {
      if (event.timestamp().isBefore(t.startedAt())) continue;
      Family family = event.type().startsWith("Task") ? SERVICE
          : event.type().startsWith("LambdaFunction") ? LAMBDA : event.type().startsWith("Activity") ? ACTIVITY : null;
      if (family == null) continue;
      String outcome = event.type().substring(family == SERVICE ? 4 : family.singular().length());
      if (!List.of("Scheduled", "Started", "Succeeded", "Failed", "TimedOut").contains(outcome)) continue;
      String resource = resourceArn(family, event);
      if (resource == null) continue;
      MetricGroup group = group(family.dimension(), resource, false);
      group.count(family.plural() + outcome, 1);
      if (outcome.equals("Scheduled")) {
        scheduled.put(resource, event.timestamp());
      } else if (!outcome.equals("Started")) {
        Instant from = scheduled.remove(resource);
        if (from != null) group.duration(family.singular() + "RunTime", millis(from, event));
        Instant since = from != null ? from : waitedSince(t);
        if (since != null) group.duration(family.singular() + "Time", millis(since, event));
      }
    }
  }

  /** A task scheduled by an earlier transition, on its first attempt: it was scheduled as its state was entered. */
  private static Instant waitedSince(CommittedTransition t) {
    ExecutionState before = t.before().state();
    return before.retryCount() == 0 ? before.stateEnteredTime() : null;
  }

  private static long millis(Instant from, HistoryEvent to) {
    return to.timestamp().toEpochMilli() - from.toEpochMilli();
  }

  /** The resource as Step Functions' dimension names it; events without one (a bare Lambda's Started) have none. */
  private static String resourceArn(Family family, HistoryEvent event) {
    if (event.details() == null) return null;
    String resource = event.details().path("resource").asText(null);
    if (resource == null) return null;
    if (family != SERVICE) return resource;
    return "arn:aws:states:::" + event.details().path("resourceType").asText() + ":" + resource;
  }

  /** One step message handled, {@code lateMillis} after it fell due. */
  public synchronized void messageHandled(long lateMillis) {
    MetricGroup batch = group(null, null, false);
    batch.count("StepMessages", 1);
    batch.duration("StepMessageAge", lateMillis);
  }

  /** History events the execution log writer could not deliver. */
  public synchronized void logEventsFailed(int events) {
    if (events > 0) group(null, null, false).count("ExecutionLogEventsFailed", events);
  }

  /** The EMF lines for everything gathered since the last drain, which is then forgotten. */
  public List<String> drain(Instant now) {
    List<MetricGroup> drained;
    synchronized (this) {
      drained = new ArrayList<>(groups.values());
      groups.clear();
    }
    List<String> lines = new ArrayList<>();
    for (MetricGroup group : drained) lines.addAll(group.emf(namespace, now.toEpochMilli()));
    return lines;
  }

  private MetricGroup group(String dimension, String value, boolean rollUp) {
    return groups.computeIfAbsent(dimension + "=" + value, k -> new MetricGroup(dimension, value, rollUp));
  }
}
