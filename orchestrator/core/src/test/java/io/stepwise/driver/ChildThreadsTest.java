package io.stepwise.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.engine.ChildOutcome;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** How side-by-side children are scheduled: the bound, the tolerance, the budget shared by nesting. */
class ChildThreadsTest {
  private static ChildOutcome ok(int i) {
    return ChildOutcome.success(i, null);
  }

  /** A child that returns only once {@code barrier}'s parties all run at once (so one at a time would break it). */
  private static IntFunction<ChildOutcome> meeting(CyclicBarrier barrier, AtomicInteger running, AtomicInteger peak) {
    return i -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        barrier.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("child " + i + " never met the others", e);
      } finally {
        running.decrementAndGet();
      }
      return ok(i);
    };
  }

  @Test
  void givenNoSpareThreads_thenChildrenRunInOrderAndStopOnceMoreFailedThanTolerated() {
    StringBuilder order = new StringBuilder();
    List<ChildOutcome> ran = new ChildThreads(0).run(6, 0, 1, i -> {
      order.append(i);
      return i % 2 == 1 ? ChildOutcome.failure(i, "E", "c") : ok(i);
    });
    assertEquals("0123", order.toString(), "the second failure exceeds the tolerance of one");
    assertEquals(List.of(0, 1, 2, 3), ran.stream().map(ChildOutcome::index).toList());
  }

  @Test
  void givenNoMaxConcurrency_thenEveryChildRunsAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<ChildOutcome> ran = new ChildThreads(ChildThreads.EXPRESS - 1).run(3, 0, 0, meeting(new CyclicBarrier(3), running, peak));
    assertEquals(List.of(0, 1, 2), ran.stream().map(ChildOutcome::index).toList(), "outcomes in index order");
    assertEquals(3, peak.get());
  }

  @Test
  void givenMaxConcurrencyTwo_thenTwoRunAtOnceAndNeverMore() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<ChildOutcome> ran = new ChildThreads(ChildThreads.EXPRESS - 1).run(6, 2, 0, meeting(new CyclicBarrier(2), running, peak));
    assertEquals(6, ran.size());
    assertEquals(2, peak.get());
  }

  @Test
  void givenNestedChildren_thenTheyShareOneBudgetAndTheCallerWorksWhenItIsSpent() {
    ChildThreads threads = new ChildThreads(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    // 3 outer children take the whole budget; each runs its own 3 inner ones on its own thread.
    List<ChildOutcome> ran = threads.run(3, 0, 0, outer -> {
      List<ChildOutcome> inner = threads.run(3, 0, 0, i -> {
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        running.decrementAndGet();
        return ok(i);
      });
      assertEquals(3, inner.size());
      return ok(outer);
    });
    assertEquals(3, ran.size());
    assertTrue(peak.get() <= 3, "never more threads than the caller and its two spares: " + peak.get());
  }

  @Test
  void givenAChildDefect_thenItReachesTheCaller() {
    IllegalStateException defect = new IllegalStateException("boom");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> new ChildThreads(4).run(5, 0, 0, i -> {
          if (i == 3) throw defect;
          return ok(i);
        }));
    assertSame(defect, thrown);
  }
}
