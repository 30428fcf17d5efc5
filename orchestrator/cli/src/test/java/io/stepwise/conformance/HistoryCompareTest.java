package io.stepwise.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

class HistoryCompareTest {
  private static ArrayNode rows(String json) {
    return (ArrayNode) Json.parse(json);
  }

  @Test
  void sameEvents_match_andADifferentLinkIsShownWhereItDiffers() {
    ArrayNode recorded = rows("[[1,0,\"ExecutionStarted\",null],[2,0,\"PassStateEntered\",\"A\"],[3,2,\"PassStateExited\",\"A\"]]");
    assertNull(HistoryCompare.mismatch(recorded, rows(Json.write(recorded))));
    String diff = HistoryCompare.mismatch(recorded,
        rows("[[1,0,\"ExecutionStarted\",null],[2,1,\"PassStateEntered\",\"A\"],[3,2,\"PassStateExited\",\"A\"]]"));
    assertTrue(diff.startsWith("history differs at event #2 (expected 3 events, got 3)"), diff);
    assertTrue(diff.contains("> expected [2,0,\"PassStateEntered\",\"A\"]  got [2,1,\"PassStateEntered\",\"A\"]"), diff);
  }

  @Test
  void parallelEvents_areNormalisedAsTheRecorderDid_nestedQuirkIncluded() {
    // What the recorder kept of a Parallel nested in a Parallel: its loop dropped events 8 to 10.
    ArrayNode recorded = rows("""
        [[1,0,"ExecutionStarted",null],[2,0,"ParallelStateEntered","L1"],[3,2,"ParallelStateStarted",null],
         [[0],0,"ParallelStateEntered","L2"],[5,4,"ParallelStateStarted",null],
         [[0],0,"PassStateEntered","B"],[[0],0,"PassStateExited","B"],
         [11,9,"ParallelStateExited","L1"],[12,11,"ExecutionSucceeded",null]]""");
    ArrayNode run = rows("""
        [[1,0,"ExecutionStarted",null],[2,0,"ParallelStateEntered","L1"],[3,2,"ParallelStateStarted",null],
         [4,3,"ParallelStateEntered","L2"],[5,4,"ParallelStateStarted",null],
         [6,5,"PassStateEntered","B"],[7,6,"PassStateExited","B"],[8,7,"ParallelStateSucceeded",null],
         [9,7,"ParallelStateExited","L2"],[10,9,"ParallelStateSucceeded",null],
         [11,9,"ParallelStateExited","L1"],[12,11,"ExecutionSucceeded",null]]""");
    assertNull(HistoryCompare.mismatch(recorded, run));
  }

  @Test
  void parallelEvents_areComparedAsASortedSet() {
    ArrayNode recorded = rows("""
        [[1,0,"ExecutionStarted",null],[2,0,"ParallelStateEntered","P"],[3,2,"ParallelStateStarted",null],
         [[0],0,"PassStateEntered","A"],[[0],0,"PassStateEntered","B"],[[0],0,"PassStateExited","A"],
         [[0],0,"PassStateExited","B"],[9,7,"ParallelStateExited","P"],[10,9,"ExecutionSucceeded",null]]""");
    ArrayNode run = rows("""
        [[1,0,"ExecutionStarted",null],[2,0,"ParallelStateEntered","P"],[3,2,"ParallelStateStarted",null],
         [4,3,"PassStateEntered","B"],[5,4,"PassStateExited","B"],[6,3,"PassStateEntered","A"],
         [7,6,"PassStateExited","A"],[8,7,"ParallelStateSucceeded",null],[9,7,"ParallelStateExited","P"],
         [10,9,"ExecutionSucceeded",null]]""");
    assertNull(HistoryCompare.mismatch(recorded, run));
    assertEquals(null, HistoryCompare.mismatch(rows("[]"), rows("[]")));
  }

  @Test
  void eventsNamedAsArrivedTogether_compareInAnyOrder_andOnlyThose() {
    ArrayNode recorded = rows("""
        [[1,0,"A",null],[2,1,"S",null],[3,1,"S",null],[4,2,"T",null],[5,3,"T",null],[6,4,"F",null]]""");
    ArrayNode swapped = rows("""
        [[1,0,"A",null],[2,1,"S",null],[3,1,"S",null],[4,3,"T",null],[5,2,"T",null],[6,4,"F",null]]""");
    assertTrue(HistoryCompare.mismatch(recorded, swapped).startsWith(HistoryCompare.DIFFERS + " at event #4"));
    assertNull(HistoryCompare.mismatch(recorded, swapped, Json.parse("[[4, 5]]")));
    // Outside the named range the order still counts, and inside it the links do.
    assertTrue(HistoryCompare.mismatch(recorded, swapped, Json.parse("[[2, 3]]")).startsWith(HistoryCompare.DIFFERS));
    ArrayNode relinked = rows("""
        [[1,0,"A",null],[2,1,"S",null],[3,1,"S",null],[4,1,"T",null],[5,3,"T",null],[6,4,"F",null]]""");
    assertTrue(HistoryCompare.mismatch(recorded, relinked, Json.parse("[[4, 5]]")).startsWith(HistoryCompare.DIFFERS));
  }
}
