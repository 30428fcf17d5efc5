package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Chains under a MaxConcurrency changed mid-run: every child starts, none twice, at most the new wave at once. */
class MapRunScheduleTest {
  /** Runs {@code total} children, ending the oldest running one each step; after {@code changeAfter} ends, the wave changes. */
  private static List<Integer> run(int total, int wave, int changeAfter, int newWave, Set<Integer> startedOut) {
    MapRunSchedule schedule = MapRunSchedule.of(total, wave, "");
    Deque<Integer> running = new ArrayDeque<>();
    Set<Integer> ended = new HashSet<>();
    List<Integer> concurrency = new ArrayList<>();
    for (int i = 0; i < Math.min(wave, total); i++) start(i, running, startedOut);
    int ends = 0;
    while (!running.isEmpty()) {
      if (ends == changeAfter) {
        int decided = -1;
        for (int i : startedOut) decided = Math.max(decided, ended.contains(i) ? i + schedule.wave() : i);
        int from = schedule.nextFrom(decided);
        if (from < total) {
          schedule = MapRunSchedule.of(total, wave, schedule.changed(from, newWave).encodeLater());
          for (int root : schedule.addedRoots(schedule.lastGeneration())) start(root, running, startedOut);
        }
      }
      concurrency.add(running.size());
      int child = running.removeFirst();
      ended.add(child);
      ends++;
      int next = schedule.successor(child);
      if (next >= 0) start(next, running, startedOut);
      int handover = schedule.handsOverTo(child);
      if (handover > 0) for (int root : schedule.addedRoots(handover)) start(root, running, startedOut);
    }
    assertEquals(total, ended.size(), "every child ran");
    return concurrency;
  }

  private static void start(int child, Deque<Integer> running, Set<Integer> started) {
    if (started.add(child)) running.addLast(child); // a second start of a child is dropped as stale
  }

  @Test
  void givenWaveOne_whenRaisedToThree_thenThreeRunAtOnceAndEveryChildRuns() {
    Set<Integer> started = new TreeSet<>();
    List<Integer> concurrency = run(20, 1, 2, 3, started);
    assertEquals(20, started.size());
    assertEquals(1, concurrency.get(1));
    assertEquals(3, concurrency.stream().mapToInt(Integer::intValue).max().orElseThrow());
    assertEquals(3, concurrency.get(3));
  }

  @Test
  void givenWaveFour_whenLoweredToTwo_thenAtMostTwoRunOnceTheChangeIsReached() {
    Set<Integer> started = new TreeSet<>();
    List<Integer> concurrency = run(30, 4, 3, 2, started);
    assertEquals(30, started.size());
    assertEquals(4, concurrency.get(0));
    assertTrue(concurrency.subList(12, concurrency.size()).stream().allMatch(c -> c <= 2), concurrency.toString());
  }

  @Test
  void givenChangedSchedule_whenEncodedAndDecoded_thenSameSuccessorsAndDueChildren() {
    MapRunSchedule schedule = MapRunSchedule.of(50, 2, "").changed(6, 5).changed(20, 1);
    MapRunSchedule decoded = MapRunSchedule.of(50, 2, schedule.encodeLater());
    Set<Integer> none = Set.of();
    for (int i = 0; i < 50; i++) {
      assertEquals(schedule.successor(i), decoded.successor(i), "successor of " + i);
      int successor = schedule.successor(i);
      if (successor >= 0) assertTrue(schedule.due(successor, Set.of(i)), i + " hands its slot to " + successor);
    }
    assertEquals(List.of(8, 9, 10), schedule.addedRoots(1));
    assertTrue(decoded.due(8, none));
    assertTrue(!decoded.due(13, none));
  }
}
