package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A durable join counts each chain of children once, at its last child; a Distributed Map counts every child. */
class JoinCountingTest {
  private static final String TASK_MAP = """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "MaxConcurrency": 3,%s
        "ItemProcessor": {%s"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:000000000000:function:double", "End": true}}}}}}""";

  private static VirtualRuntime doubling() {
    return new VirtualRuntime(call -> TaskOutcome.success(Json.parse(String.valueOf(2 * call.payload().asLong()))));
  }

  private static List<ChildLink> links(VirtualRuntime runtime, String arn, int count) {
    String joinKey = ChildLink.joinKey(arn, runtime.record(arn).seq() - 1);
    List<ChildLink> links = new ArrayList<>();
    for (int i = 0; i < count; i++) links.add(runtime.record(ChildLink.childKey(joinKey, i)).parent());
    return links;
  }

  @Test
  void mapIterations_countTheirChainAtItsLastChild() {
    VirtualRuntime runtime = doubling();
    String arn = runtime.start(runtime.machine("m", TASK_MAP.formatted("", "")), "m", "[0, 1, 2, 3, 4, 5, 6]");
    runtime.runUntilDone(List.of(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
    assertEquals("[0,2,4,6,8,10,12]", Json.write(runtime.record(arn).state().output()));
    // Chains of stride 3: 0-3-6, 1-4, 2-5; only 6, 4 and 5 write the join's counters.
    List<Integer> counts = links(runtime, arn, 7).stream().map(ChildLink::counts).toList();
    assertEquals(List.of(0, 0, 0, 0, 2, 2, 3), counts);
    JoinStore.Join join = runtime.joins.get(ChildLink.joinKey(arn, runtime.record(arn).seq() - 1));
    assertEquals(7, join.done(), "every child counted once");
    // Each child's last commit is its outcome: the join stores none of its own.
    assertTrue(join.inChildren());
    assertEquals(List.of(), runtime.joins.outcomes(join.key()));
    assertTrue(links(runtime, arn, 7).stream().allMatch(ChildLink::inChildren));
  }

  @Test
  void distributedMapIterations_countOneEach_forUpdateMapRun() {
    VirtualRuntime runtime = doubling();
    String machine = TASK_MAP.formatted("", "\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"},");
    String arn = runtime.start(runtime.machine("d", machine), "d", "[0, 1, 2, 3, 4]");
    runtime.runUntilDone(List.of(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
    assertEquals(Set.of(1), Set.copyOf(links(runtime, arn, 5).stream().map(ChildLink::counts).toList()));
    // Its outcomes stay items of the join, which DescribeMapRun counts.
    JoinStore.Join join = runtime.joins.get(ChildLink.joinKey(arn, runtime.record(arn).seq() - 1));
    assertEquals(5, runtime.joins.outcomes(join.key()).size());
  }

  @Test
  void childLink_keepsItsCount_throughItsEncoding() {
    ChildLink tail = new ChildLink("arn:x", 4, 6, "Each:-1", -1, false, 3);
    assertEquals(tail, ChildLink.decode(tail.encode()));
    ChildLink read = new ChildLink("arn:x", 4, 2, "Each:-1", 5, true);
    assertEquals(read, ChildLink.decode(read.encode()));
    assertEquals(1, ChildLink.decode(read.encode()).counts());
    ChildLink own = new ChildLink("arn:x", 4, 6, "Each:-1", -1, false, 3, true);
    assertEquals(own, ChildLink.decode(own.encode()));
    ChildLink next = new ChildLink("arn:x", 4, 1, "P:2/Each:-1", 7, false, 0, true);
    assertEquals(next, ChildLink.decode(next.encode()));
  }
}
