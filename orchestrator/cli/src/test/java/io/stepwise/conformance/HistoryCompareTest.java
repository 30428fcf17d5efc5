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
}
