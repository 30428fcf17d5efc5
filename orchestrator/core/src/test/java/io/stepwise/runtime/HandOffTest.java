package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A child that ends starts the next of its chain itself, every other link of the chain. */
class HandOffTest {
  private static final String ONE_AT_A_TIME = """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "MaxConcurrency": 1,
        "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:000000000000:function:double", "End": true}}}}}}""";

  @Test
  void aChainsNextChild_startsInTheWorkerThatEndedItsPredecessor_everyOtherLink() {
    AtomicInteger queuedChildStarts = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      calls.incrementAndGet();
      return TaskOutcome.success(Json.parse(String.valueOf(2 * call.payload().asLong())));
    }, new Engine(Entropy.secure()), 5, queue -> (message, delay) -> {
      if (message.executionArn().contains("|") && message.seq() == 0 && message.kind() == StepMessage.Kind.ADVANCE) {
        queuedChildStarts.incrementAndGet();
      }
      queue.send(message, delay);
    });
    String arn = runtime.start(runtime.machine("m", ONE_AT_A_TIME), "m", "[0, 1, 2, 3, 4, 5]");
    runtime.runUntilDone(List.of(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
    assertEquals("[0,2,4,6,8,10]", Json.write(runtime.record(arn).state().output()));
    assertEquals(6, calls.get(), "each item's task called once");
    // Children 0, 2 and 4 come through the queue; 1, 3 and 5 are started by the worker that ended 0, 2 and 4.
    assertEquals(3, queuedChildStarts.get());
  }
}
