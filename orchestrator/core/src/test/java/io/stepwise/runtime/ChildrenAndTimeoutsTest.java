package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import io.stepwise.runtime.memory.VirtualTimeQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Stopping children, the execution timeout's binding, and two copies of one message. */
class ChildrenAndTimeoutsTest {
  private static final String ONE_FAILS_ONE_WAITS = """
      {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "Fail", "States": {"Fail": {"Type": "Fail", "Error": "Branch.Broke", "Cause": "on purpose"}}},
        {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}}]}}}""";
  private static final String WAITING_MAP = """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "MaxConcurrency": 2,
        "ItemProcessor": {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}}}}}""";
  private static final String FAILING_MAP = """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "MaxConcurrency": 1,
        "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"},
          "End": true}}}}}}""";
  private static final String WAITS = """
      {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 100, "End": true}}}""";

  private static VirtualRuntime runtime() {
    return new VirtualRuntime(call -> TaskOutcome.success(Json.object()));
  }

  private static List<String> childKeys(String parentArn, long seq, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) keys.add(ChildLink.childKey(ChildLink.joinKey(parentArn, seq), i));
    return keys;
  }

  @Test
  void failedParallelBranch_stopsItsRunningSibling() {
    VirtualRuntime runtime = runtime();
    String arn = runtime.start(runtime.machine("p", ONE_FAILS_ONE_WAITS), "p", "{}");
    runtime.runUntilDone(List.of(arn));
    runtime.run(100); // whatever the parent sent on its way out
    assertEquals(ExecutionStatus.FAILED, runtime.record(arn).state().status());
    assertEquals("Branch.Broke", runtime.record(arn).state().error());
    long joinSeq = runtime.record(arn).seq() - 1;
    String waiting = childKeys(arn, joinSeq, 2).get(1);
    assertEquals(ExecutionStatus.ABORTED, runtime.record(waiting).state().status(), "the waiting branch was stopped");
    assertTrue(runtime.queue.isEmpty(), "no timer left behind");
  }

  @Test
  void stopExecution_reachesTheRunningChildren() {
    VirtualRuntime runtime = runtime();
    String arn = runtime.start(runtime.machine("m", WAITING_MAP), "m", "[1, 2, 3]");
    runtime.run(6); // the parent fans out, the first two iterations start waiting
    assertTrue(runtime.worker.applyNow(arn, new Event.Stop("User.Stop", "enough")));
    runtime.run(100);
    assertEquals(ExecutionStatus.ABORTED, runtime.record(arn).state().status());
    long joinSeq = runtime.record(arn).seq() - 1;
    for (String child : childKeys(arn, joinSeq, 3)) {
      assertEquals(ExecutionStatus.ABORTED, runtime.record(child).state().status(), child);
    }
    assertTrue(runtime.queue.isEmpty(), "nothing runs on: " + runtime.queue);
  }

  @Test
  void parentTimeout_reachesTheRunningChildren() {
    VirtualRuntime runtime = runtime();
    String machine = runtime.machine("t", WAITING_MAP.replace("{\"StartAt\": \"Each\",", "{\"TimeoutSeconds\": 5, \"StartAt\": \"Each\","));
    String arn = runtime.start(machine, "t", "[1, 2]");
    runtime.run(100);
    assertEquals(ExecutionStatus.TIMED_OUT, runtime.record(arn).state().status());
    for (String child : childKeys(arn, runtime.record(arn).seq() - 1, 2)) {
      assertEquals(ExecutionStatus.ABORTED, runtime.record(child).state().status(), child);
    }
  }

  @Test
  void noChildStarts_afterTheFailureThresholdIsPassed() {
    AtomicInteger calls = new AtomicInteger();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      calls.incrementAndGet();
      return TaskOutcome.failure("Item.Broke", "no");
    });
    String arn = runtime.start(runtime.machine("f", FAILING_MAP), "f", "[1, 2, 3, 4]");
    runtime.run(200);
    assertEquals(ExecutionStatus.FAILED, runtime.record(arn).state().status());
    assertEquals(1, calls.get(), "the first failure ends the Map: no further item is called");
  }

  @Test
  void rejectedStartExecution_cannotTimeOutTheRunningExecution() {
    VirtualRuntime runtime = runtime();
    String machine = runtime.machine("w", WAITS);
    String arn = runtime.start(machine, "same", "{\"a\": 1}");
    runtime.run(2);
    // A new version with a short timeout, then the same name again with another input.
    runtime.machine("w", WAITS.replace("{\"StartAt\"", "{\"TimeoutSeconds\": 1, \"StartAt\""));
    ApiException exists = assertThrows(ApiException.class, () -> runtime.start(machine, "same", "{\"a\": 2}"));
    assertEquals("ExecutionAlreadyExists", exists.code());
    runtime.runUntilDone(List.of(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
  }

  @Test
  void executionTimeout_isBoundToItsOwnStart_andStillFires() {
    VirtualRuntime runtime = runtime();
    String machine = runtime.machine("w", WAITS.replace("{\"StartAt\"", "{\"TimeoutSeconds\": 5, \"StartAt\""));
    String arn = runtime.start(machine, "timed", "{}");
    assertEquals("same", runtime.start(machine, "timed", "{}").equals(arn) ? "same" : "other"); // idempotent start
    runtime.runUntilDone(List.of(arn));
    assertEquals(ExecutionStatus.TIMED_OUT, runtime.record(arn).state().status());
    long timeouts = runtime.history(arn).stream().filter(h -> h.contains(" ExecutionTimedOut ")).count();
    assertEquals(1, timeouts);
  }

  @Test
  void twoCopiesOfOneMessage_inFlightTogether_callTheTaskOnce() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    AtomicReference<VirtualRuntime> runtimeRef = new AtomicReference<>();
    AtomicReference<VirtualTimeQueue.Delivery> copy = new AtomicReference<>();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      calls.computeIfAbsent(call.stateName(), k -> new AtomicInteger()).incrementAndGet();
      // While this call runs, the other copy is delivered to a second worker.
      Optional<VirtualTimeQueue.Delivery> other = runtimeRef.get().queue.receive();
      if (other.isPresent() && copy.compareAndSet(null, other.get())) {
        try {
          runtimeRef.get().worker.process(other.get().message(), other.get().receiptId());
        } catch (ExecutionStore.ConflictException heldByTheFirst) {
          // the first copy holds the transition
        }
      }
      return TaskOutcome.success(Json.object());
    }, new Engine(Entropy.secure()), 5, q -> (message, delay) -> {
      q.send(message, delay);
      q.send(message, delay);
    });
    runtimeRef.set(runtime);
    String task = """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "f", "Payload": {}}, "End": true}}}""";
    String arn = runtime.start(runtime.machine("twice", task), "twice", "{}");
    runtime.run(1); // the first transition enters the Task
    runtime.runUntilDone(List.of(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
    assertEquals(1, calls.get("Call").get(), "one call for one transition");
  }
}
