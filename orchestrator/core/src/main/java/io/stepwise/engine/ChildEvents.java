package io.stepwise.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the children's own events into the parent's history when a Parallel or inline Map
 * joins, in the order Step Functions gives them: by time, children at the same time served in
 * turn (a step's events together, a task's start and outcome each on their own), each
 * Map iteration framed by MapIterationStarted and MapIterationSucceeded or Failed. Links follow
 * Step Functions too: a child's first event links to ParallelStateStarted or its
 * MapIterationStarted; an iteration starts from MapStateStarted, or, once MaxConcurrency
 * iterations run, from the last event of the iteration whose slot it takes; the iteration's end
 * event is written aside.
 *
 * <p>When a child's failure fails the Map or Parallel, the children still running are aborted,
 * as AWS recorded it (timeouts/test_service_lambda_map_timeout: a Map whose Lambda tasks time out;
 * callback/test_sqs_failure_in_wait_for_task_tok_no_error_field: a Parallel's callback failing).
 * After the failure (and a Map's MapIterationFailed) comes TaskStateAborted for the failing
 * child's Task, then for each other running child in index order a Map's MapIterationAborted and
 * the aborted event of the state it runs (TaskStateAborted, WaitStateAborted, MapStateAborted,
 * ParallelStateAborted), all linked to the failure's last event, as the Map's or Parallel's
 * Failed event is. Their events after that point are not written. A child's States.Runtime
 * writes neither its MapIterationFailed nor its Task's TaskStateAborted ({@link ChildOutcome#endsTheRun}).
 */
final class ChildEvents {
  /**
   * Where the join leaves the parent's history.
   *
   * @param lastEnd what the Map's or Parallel's success links to: the last iteration's end event,
   *     or the last event of the last branch to finish
   * @param lastFailure what its failure links to: the last event of the last child that failed
   * @param idsByIndex per child index, its own event ids mapped to the parent's
   * @param failed the child whose failure failed the Map or Parallel, the others then aborted; null for none
   */
  record Joined(long lastEnd, long lastFailure, Map<Integer, Map<Long, Long>> idsByIndex, ChildOutcome failed) {
    private static final Pattern ENTERED = Pattern.compile(
        "^(An error occurred while executing the state '.*?' \\(entered at the event id #)(\\d+)(\\))");

    /**
     * A child's failure cause as the parent reports it: Step Functions numbers "entered at the
     * event id #N" in the parent's history, where the child's events are written.
     */
    String cause(ChildOutcome outcome) {
      String cause = outcome.cause();
      Map<Long, Long> ids = idsByIndex.get(outcome.index());
      if (cause == null || ids == null) return cause;
      Matcher m = ENTERED.matcher(cause);
      if (!m.find()) return cause;
      Long parentId = ids.get(Long.parseLong(m.group(2)));
      return parentId == null ? cause : m.group(1) + parentId + m.group(3) + cause.substring(m.end());
    }
  }

  /** The events a service's answer brings: a task, Lambda function or activity started, ended or submitted. */
  private static final Pattern ARRIVAL = Pattern.compile("(Task|LambdaFunction|Activity)(?!State)\\w+(?<!Scheduled)");

  private final History history;
  private final List<ChildOutcome> outcomes;
  private final String mapName;
  private final int maxConcurrency;
  private final long started;
  private final long tolerated;
  private long failures;
  private int failedChild = -1;
  private final Map<Integer, Long> lastOfChild = new HashMap<>();
  private long lastEnd;
  private long lastFailure;

  private ChildEvents(History history, List<ChildOutcome> outcomes, String mapName, int maxConcurrency, long tolerated) {
    this.history = history;
    this.tolerated = tolerated;
    this.outcomes = outcomes;
    this.mapName = mapName;
    this.maxConcurrency = maxConcurrency;
    this.started = history.cursor();
    this.lastEnd = started;
    this.lastFailure = started;
  }

  /**
   * An inline Map's iterations; {@code maxConcurrency} 0 is unbounded, {@code tolerated} the
   * failures it tolerates (the next one fails it).
   */
  static Joined mapIterations(History history, String mapName, List<ChildOutcome> outcomes, int maxConcurrency,
      long tolerated) {
    return new ChildEvents(history, outcomes, mapName, maxConcurrency, tolerated).merge();
  }

  /** A Parallel's branches: the first to fail fails it. */
  static Joined parallelBranches(History history, List<ChildOutcome> outcomes) {
    return new ChildEvents(history, outcomes, null, 0, 0).merge();
  }

  private boolean isMap() {
    return mapName != null;
  }

  private Joined merge() {
    int n = outcomes.size();
    int[] next = new int[n]; // per child: -1 before its start event, then its next event, then size = end
    java.util.Arrays.fill(next, -1);
    Map<Integer, Map<Long, Long>> ids = new HashMap<>();
    Map<Integer, Integer> position = new HashMap<>();
    for (int c = 0; c < n; c++) position.put(outcomes.get(c).index(), c);
    int remaining = n;
    boolean[] done = new boolean[n];
    // Children without events of their own (a join too large to copy them) all stand at the
    // step's time: the first eligible one wins every tie, so the scan may stop there, which keeps
    // a join of 10,000 linear instead of quadratic.
    boolean sameTimes = outcomes.stream().allMatch(o -> o.events().isEmpty());
    int low = 0;
    long[] served = new long[n]; // per child, the turn its last burst began in; -1 before its first
    java.util.Arrays.fill(served, -1);
    long turn = 0;
    int burst = -1; // the child whose burst is being written
    while (remaining > 0) {
      while (done[low]) low++;
      boolean goesOn = burst >= 0 && !done[burst] && continuesBurst(burst, next[burst]);
      int pick = goesOn ? burst : -1;
      for (int c = sameTimes ? low : 0; !goesOn && c < n; c++) {
        if (done[c] || !eligible(c, done, position)) continue;
        if (pick < 0 || earlier(c, pick, next, served)) pick = c;
        if (sameTimes) break;
      }
      if (pick < 0) pick = firstNotDone(done); // a slot's predecessor never ran (tolerated stop): go on
      if (!goesOn) served[pick] = ++turn;
      burst = pick;
      if (emit(pick, next, ids)) {
        done[pick] = true;
        remaining--;
        if (failedChild >= 0) {
          abortTheRest(next, done);
          break;
        }
      }
    }
    Map<Integer, Map<Long, Long>> byIndex = new HashMap<>();
    ids.forEach((c, local) -> byIndex.put(outcomes.get(c).index(), local));
    return new Joined(lastEnd, lastFailure, byIndex, failedChild < 0 ? null : outcomes.get(failedChild));
  }

  /** The failing child's Task, then each running child, aborted where the failure ended. */
  private void abortTheRest(int[] next, boolean[] done) {
    long at = lastFailure;
    String own = abortedEvent(failedChild, outcomes.get(failedChild).events().size());
    if ("TaskStateAborted".equals(own) && !outcomes.get(failedChild).endsTheRun()) history.linked(own, null, null, at);
    for (int c = 0; c < outcomes.size(); c++) {
      if (done[c] || next[c] < 0) continue; // ended already, or never started
      if (isMap()) history.linked("MapIterationAborted", "mapIterationAbortedEventDetails", iteration(outcomes.get(c).index()), at);
      String aborted = abortedEvent(c, next[c]);
      if (aborted != null) history.linked(aborted, null, null, at);
    }
  }

  /**
   * The aborted event of the child's own state (not a nested one) when it is a Task, Wait, Map
   * or Parallel entered and not exited within its first {@code upTo} events; null otherwise.
   */
  private String abortedEvent(int c, int upTo) {
    List<String> open = new ArrayList<>();
    List<HistoryEvent> events = outcomes.get(c).events();
    for (int i = 0; i < upTo; i++) {
      String type = events.get(i).type();
      if (type.endsWith("StateEntered")) open.add(type.substring(0, type.length() - "StateEntered".length()));
      else if (type.endsWith("StateExited") && !open.isEmpty()) open.remove(open.size() - 1);
    }
    if (open.isEmpty()) return null;
    return switch (open.get(0)) {
      case "Task" -> "TaskStateAborted";
      case "Wait" -> "WaitStateAborted";
      case "Map" -> "MapStateAborted";
      case "Parallel" -> "ParallelStateAborted";
      default -> null;
    };
  }

  /**
   * Whether child {@code c} writes before {@code other}: its next event is earlier, or as early
   * and its last burst began before the other's (Step Functions serves side-by-side children in
   * turn: the four MapIterationStarted, then each iteration's TaskStateEntered and TaskScheduled,
   * then the four TaskStarted), or in index order.
   */
  private boolean earlier(int c, int other, int[] next, long[] served) {
    int byTime = headTime(c, next[c]).compareTo(headTime(other, next[other]));
    return byTime != 0 ? byTime < 0 : served[c] < served[other];
  }

  /**
   * Whether the child's next event goes on the burst its last one was in: written in the same
   * step at the same time. MapIterationStarted and the iteration's end stand alone, and a task's
   * start and outcome come on their own, once the service answers.
   */
  private boolean continuesBurst(int c, int at) {
    List<HistoryEvent> events = outcomes.get(c).events();
    if (at <= 0 || at >= events.size()) return false;
    HistoryEvent event = events.get(at);
    return event.timestamp().equals(events.get(at - 1).timestamp()) && !ARRIVAL.matcher(event.type()).matches();
  }

  private static int firstNotDone(boolean[] done) {
    for (int c = 0; c < done.length; c++) if (!done[c]) return c;
    throw new IllegalStateException("no child left");
  }

  /** An iteration past the first MaxConcurrency waits for the one whose slot it takes. */
  private boolean eligible(int c, boolean[] done, Map<Integer, Integer> position) {
    int index = outcomes.get(c).index();
    if (!isMap() || maxConcurrency <= 0 || index < maxConcurrency) return true;
    Integer predecessor = position.get(index - maxConcurrency);
    return predecessor == null || done[predecessor];
  }

  private Instant headTime(int c, int at) {
    List<HistoryEvent> events = outcomes.get(c).events();
    // A stopped child has nothing more before the failure that stopped it.
    if (outcomes.get(c).stopped() && Math.max(at, 0) >= events.size()) return Instant.MAX;
    if (events.isEmpty()) return history.now();
    if (at < 0) return events.get(0).timestamp();
    return events.get(Math.min(at, events.size() - 1)).timestamp();
  }

  /** Writes the next event of child {@code c}; true when that was its last. */
  private boolean emit(int c, int[] next, Map<Integer, Map<Long, Long>> ids) {
    ChildOutcome outcome = outcomes.get(c);
    List<HistoryEvent> events = outcome.events();
    Map<Long, Long> local = ids.computeIfAbsent(c, k -> new HashMap<>());
    if (next[c] < 0) {
      next[c] = 0;
      long start = started;
      if (isMap()) {
        int index = outcome.index();
        Long slotOwner = maxConcurrency > 0 && index >= maxConcurrency ? lastOfChild.get(index - maxConcurrency) : null;
        start = history.linked("MapIterationStarted", "mapIterationStartedEventDetails", iteration(index),
            slotOwner != null ? slotOwner : started);
      }
      local.put(0L, start);
      lastOfChild.put(outcome.index(), start);
      if (isMap() || !events.isEmpty()) return false;
    }
    if (next[c] < events.size()) {
      HistoryEvent event = events.get(next[c]++);
      Long previous = local.get(event.previousEventId());
      long id = history.copy(event, previous != null ? previous : local.get(0L));
      local.put(event.id(), id);
      lastOfChild.put(outcome.index(), id);
      if (!isMap()) lastEnd = id;
      if (isMap() || next[c] < events.size() || outcome.stopped()) return false;
    }
    if (outcome.stopped()) return true;
    long last = lastOfChild.get(outcome.index());
    if (!outcome.succeeded()) {
      lastFailure = last;
      if (++failures > tolerated || outcome.endsTheRun()) failedChild = c;
    }
    if (isMap() && !outcome.endsTheRun()) {
      String type = outcome.succeeded() ? "MapIterationSucceeded" : "MapIterationFailed";
      lastEnd = history.linked(type, Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails",
          iteration(outcome.index()), last);
    }
    return true;
  }

  private ObjectNode iteration(int index) {
    return Json.object().put("name", mapName).put("index", index);
  }
}
