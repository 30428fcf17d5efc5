package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The next message carries the record its commit wrote, so the worker need not read it; a copy
 * that comes back after its transition was made is found out by the conditional writes (or, before
 * a fan-out, by reading the record) and changes nothing.
 */
class CarriedRecordTest {
  private static final String PASS_THEN_PARALLEL = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "Next": "Both"},
        "Both": {"Type": "Parallel", "Next": "C", "Branches": [
          {"StartAt": "L", "States": {"L": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:f", "End": true}}},
          {"StartAt": "R", "States": {"R": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:f", "End": true}}}]},
        "C": {"Type": "Pass", "End": true}}}""";

  @Test
  void advancesCarryTheCommittedRecord_andCopiesThatComeBackLaterChangeNothing() {
    List<StepMessage> sent = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    VirtualRuntime runtime = new VirtualRuntime(call -> {
      calls.incrementAndGet();
      return TaskOutcome.success(Json.parse("1"));
    }, new Engine(Entropy.secure()), 5, queue -> (message, delay) -> {
      sent.add(message);
      queue.send(message, delay);
    });
    String arn = runtime.start(runtime.machine("carried", PASS_THEN_PARALLEL), "e", "{\"n\": 1}");
    runtime.runUntilDone(List.of(arn));
    ExecutionRecord end = runtime.record(arn);
    assertEquals(ExecutionStatus.SUCCEEDED, end.state().status());
    List<String> history = runtime.history(arn);

    List<StepMessage> carrying = sent.stream().filter(m -> m.record() != null).toList();
    assertTrue(carrying.size() >= 2, "the advances after A and B carry their records: " + carrying.size());
    for (StepMessage m : carrying) {
      ExecutionRecord carried = m.carriedRecord();
      assertEquals(m.seq(), carried.seq());
      assertEquals(arn, carried.key());
      assertNull(carried.parent(), "a branch's record lacks the execution's input: never carried");
    }
    assertNull(sent.get(0).record(), "the first message goes out before the record is created");

    int sentBefore = sent.size();
    for (StepMessage copy : carrying) {
      assertEquals(StepWorker.Outcome.ACK, runtime.worker.process(copy, "copy-" + copy.seq()));
    }
    assertEquals(end.seq(), runtime.record(arn).seq());
    assertEquals(history, runtime.history(arn));
    assertEquals(2, calls.get(), "each branch's task once");
    assertEquals(sentBefore, sent.size(), "a copy before the fan-out starts no branch again, and resends nothing");
  }

  @Test
  void aRecordTooLargeToCarry_isLeftOut() {
    VirtualRuntime runtime = new VirtualRuntime(call -> TaskOutcome.success(Json.parse("1")));
    String arn = runtime.start(runtime.machine("small", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}"),
        "e", "{\"big\": \"" + "x".repeat(1000) + "\"}");
    ExecutionRecord record = runtime.record(arn);
    assertNotNull(RecordCodec.carried(record));
    StringBuilder noise = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (noise.length() < 100_000) noise.append(Long.toString(random.nextLong(), 36));
    ExecutionRecord large = runtime.record(runtime.start(runtime.machine("large",
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}"), "e", "{\"big\": \"" + noise + "\"}"));
    assertNull(RecordCodec.carried(large), "deflated, still past 60 KB");
    assertNull(StepMessage.advance(large.key(), 1).carrying(large).record());
  }
}
