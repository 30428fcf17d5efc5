package io.stepwise.driver;

import io.stepwise.engine.ChildOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs a Parallel's branches or a Map's iterations side by side, on the calling thread plus at
 * most {@code spare} more for the whole execution (nested Maps and Parallels draw on the same
 * budget). The caller always works too, so a spent budget runs the rest one after the other
 * instead of waiting: no nesting can deadlock. With no spare threads it is the plain sequential
 * loop: children in index order, stopping once more failed than are tolerated.
 */
final class ChildThreads {
  /** Step Functions runs at most 40 of an inline Map's iterations at once. */
  static final int EXPRESS = 40;

  private final Semaphore spare;
  private final boolean threaded;

  ChildThreads(int spare) {
    this.spare = new Semaphore(spare);
    this.threaded = spare > 0;
  }

  /** Whether children may run on threads of their own (else they run on the caller's). */
  boolean threaded() {
    return threaded;
  }

  /**
   * @param maxConcurrency Map's MaxConcurrency, 0 for no bound of its own
   * @param child runs child {@code i} to its end
   * @return the outcomes of the children that ran, in index order
   */
  List<ChildOutcome> run(int count, int maxConcurrency, long toleratedFailures, IntFunction<ChildOutcome> child) {
    ChildOutcome[] outcomes = new ChildOutcome[count];
    AtomicInteger next = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    AtomicReference<Throwable> defect = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        // Once the tolerance is exceeded no further child starts; those running finish.
        while (failures.get() <= toleratedFailures && defect.get() == null) {
          int i = next.getAndIncrement();
          if (i >= count) return;
          ChildOutcome outcome = child.apply(i);
          outcomes[i] = outcome;
          if (!outcome.succeeded()) failures.incrementAndGet();
        }
      } catch (RuntimeException | Error e) {
        defect.compareAndSet(null, e);
      }
    };
    int width = maxConcurrency > 0 ? Math.min(maxConcurrency, count) : count;
    List<Thread> helpers = new ArrayList<>();
    for (int k = 1; k < width && spare.tryAcquire(); k++) {
      Thread helper = new Thread(() -> {
        try {
          worker.run();
        } finally {
          spare.release();
        }
      }, "stepwise-child");
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    joinAll(helpers);
    Throwable failed = defect.get();
    if (failed instanceof RuntimeException e) throw e;
    if (failed instanceof Error e) throw e;
    List<ChildOutcome> ran = new ArrayList<>();
    for (ChildOutcome outcome : outcomes) if (outcome != null) ran.add(outcome);
    return ran;
  }

  /** Waits for every helper; an interrupt is kept for the caller, not allowed to orphan a child. */
  private static void joinAll(List<Thread> helpers) {
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
