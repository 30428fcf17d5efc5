package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * How long the local runtime may take over a case, from the case itself: the transitions it may
 * make and the time it declares it waits. Every case of a run is started at once and shares one
 * machine, so a case's deadline also allows for the transitions of the cases run beside it.
 *
 * <p>The rule: {@code FLOOR + PER_TRANSITION x (transitions of every case in the run) + the
 * case's declared waiting}, where a case's transitions are its states, nested branches and item
 * processors included, times one plus the array elements of its input (each may become a Map
 * iteration), and its declared waiting is the sum of its Wait states' Seconds, its retriers'
 * intervals over every attempt (BackoffRate and MaxDelaySeconds applied), and its Tasks'
 * TimeoutSeconds and HeartbeatSeconds (a mocked task may run into them). A machine
 * TimeoutSeconds caps the waiting.
 */
final class CaseBudget {
  /** Start-up of the servers' first calls and the slowest queue round trips. */
  static final Duration FLOOR = Duration.ofSeconds(30);
  /** One durable transition on dynalite and ElasticMQ with the suite's cases all running, on a loaded 2-core machine. */
  static final Duration PER_TRANSITION = Duration.ofMillis(40);

  private CaseBudget() {}

  /** The budget of a case whose run shares the machine with {@code runTransitions} transitions in all. */
  static Duration of(JsonNode definition, long runTransitions) {
    return FLOOR.plus(PER_TRANSITION.multipliedBy(runTransitions)).plusSeconds(waitingSeconds(definition));
  }

  /** States, nested ones included, times one plus the input's array elements. */
  static long transitions(JsonNode definition, JsonNode input) {
    return states(definition) * (1 + arrayElements(input));
  }

  /** Every element of every array in {@code node}, however deep. */
  static long arrayElements(JsonNode node) {
    long count = node.isArray() ? node.size() : 0;
    for (JsonNode child : node) count += arrayElements(child);
    return count;
  }

  private static long states(JsonNode machine) {
    long count = 0;
    for (JsonNode state : machine.path("States")) {
      count++;
      for (JsonNode branch : state.path("Branches")) count += states(branch);
      JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
      count += states(processor);
    }
    return count;
  }

  /** The seconds {@code machine} declares it may wait, capped by its own TimeoutSeconds. */
  static long waitingSeconds(JsonNode machine) {
    long seconds = 0;
    for (JsonNode state : machine.path("States")) {
      seconds += state.path("Seconds").asLong(0) + state.path("TimeoutSeconds").asLong(0)
          + state.path("HeartbeatSeconds").asLong(0);
      for (JsonNode retrier : state.path("Retry")) seconds += retrySeconds(retrier);
      for (JsonNode branch : state.path("Branches")) seconds += waitingSeconds(branch);
      seconds += waitingSeconds(state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator"));
    }
    long cap = machine.path("TimeoutSeconds").asLong(0);
    return cap > 0 ? Math.min(seconds, cap) : seconds;
  }

  private static long retrySeconds(JsonNode retrier) {
    double interval = retrier.path("IntervalSeconds").asDouble(1);
    double backoff = retrier.path("BackoffRate").asDouble(2);
    long maxDelay = retrier.path("MaxDelaySeconds").asLong(Long.MAX_VALUE);
    long attempts = Math.min(retrier.path("MaxAttempts").asLong(3), 100);
    double total = 0;
    for (long k = 0; k < attempts; k++) total += Math.min(maxDelay, interval * Math.pow(backoff, k));
    return (long) Math.ceil(Math.min(total, 365 * 86400.0));
  }
}
