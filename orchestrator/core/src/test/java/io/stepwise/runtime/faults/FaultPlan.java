package io.stepwise.runtime.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where to crash: each execution counts its side effects (reads, task calls, writes, sends,
 * acknowledgements) and the one numbered {@code crashAt} throws, once, right after it happened.
 * Or, {@link #crashAfterCommits}: each of its first commits throws right after it landed.
 */
public final class FaultPlan {
  /** A simulated crash of the worker between two side effects. */
  public static final class Crash extends RuntimeException {
    Crash(String where) {
      super("injected crash after " + where, null, false, false);
    }
  }

  private final Map<String, Integer> crashAt = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, String> crashedAfter = new ConcurrentHashMap<>();
  private final Map<String, Integer> crashAfterCommits = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> commits = new ConcurrentHashMap<>();

  public void crash(String executionArn, int sideEffect) {
    crashAt.put(executionArn, sideEffect);
  }

  /**
   * Crashes right after each of the execution's (and its children's) first {@code first}
   * commits: the committer never sends the next message, and its redelivery, which may be a
   * resent copy itself, must.
   */
  public void crashAfterCommits(String executionArn, int first) {
    crashAfterCommits.put(executionArn, first);
  }

  /**
   * Called after every side effect of {@code key}, an execution or one of its branches or
   * iterations ({@code arn|seq|index}, counted with their execution); throws at the planned one.
   */
  public void after(String key, String what) {
    String executionArn = key.contains("|") ? key.substring(0, key.indexOf('|')) : key;
    int n = counts.computeIfAbsent(executionArn, k -> new AtomicInteger()).incrementAndGet();
    Integer at = crashAt.get(executionArn);
    if ("commitTransition".equals(what)) {
      int committed = commits.computeIfAbsent(executionArn, k -> new AtomicInteger()).incrementAndGet();
      if (committed <= crashAfterCommits.getOrDefault(executionArn, 0)) {
        crashedAfter.put(executionArn, what + " #" + n);
        throw new Crash(what);
      }
    }
    if (at != null && at == n) {
      crashedAfter.put(executionArn, what + " #" + n);
      throw new Crash(what);
    }
  }

  public int sideEffects(String executionArn) {
    AtomicInteger n = counts.get(executionArn);
    return n == null ? 0 : n.get();
  }

  /** The transitions committed by the execution and its children: a transition committed twice would count twice. */
  public int commits(String executionArn) {
    AtomicInteger n = commits.get(executionArn);
    return n == null ? 0 : n.get();
  }

  public String crashedAfter(String executionArn) {
    return crashedAfter.get(executionArn);
  }
}
