package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.runtime.faults.FlakyTasks;
import io.stepwise.runtime.faults.VirtualRuntime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A message of the transition just committed, on its last delivery (two, here), after its first
 * delivery crashed past the commit: it must finish what follows the commit before it is given up
 * on, and must not be acknowledged while that is undone.
 */
class LastDeliveryTest {
  private static final String ONE_BRANCH = """
      {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 1, "End": true}}}]}}}""";

  /** Fails its first {@code failures} sends of a resend (gen above 0), before sending. */
  private static UnaryOperator<StepQueue> resendsFail(AtomicInteger failures) {
    return queue -> (message, delay) -> {
      if (message.gen() > 0 && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("SQS unavailable");
      queue.send(message, delay);
    };
  }

  /** Fails its first {@code failures} reports of a child, before reporting. */
  private static UnaryOperator<JoinStore> reportsFail(AtomicInteger failures) {
    return real -> new JoinStore() {
      public boolean create(String joinKey, int total, int wave, long tolerated, boolean inChildren) {
        return real.create(joinKey, total, wave, tolerated, inChildren);
      }

      public Join get(String joinKey) {
        return real.get(joinKey);
      }

      public void markCreated(String joinKey) {
        real.markCreated(joinKey);
      }

      public Progress report(String joinKey, ChildOutcome outcome, int counts) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("DynamoDB unavailable");
        return real.report(joinKey, outcome, counts);
      }

      public Progress count(String joinKey, boolean failed, int counts) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("DynamoDB unavailable");
        return real.count(joinKey, failed, counts);
      }

      public boolean change(String joinKey, long doneSeen, Changes changes, long tolerated) {
        return real.change(joinKey, doneSeen, changes, tolerated);
      }

      public List<ChildOutcome> outcomes(String joinKey) {
        return real.outcomes(joinKey);
      }
    };
  }

  private static VirtualRuntime runtime(UnaryOperator<StepQueue> sends, UnaryOperator<JoinStore> joining) {
    return new VirtualRuntime(new FlakyTasks(), new Engine(Entropy.secure()), 2, sends, joining);
  }

  @Test
  void committerWhoseResendFails_onItsLastDelivery_resendsAgainBeforeGivingUp() {
    VirtualRuntime plain = runtime(UnaryOperator.identity(), UnaryOperator.identity());
    String base = plain.start(plain.machine("m", FlakyTasks.MACHINE), "run", "{\"order\": \"o\"}");
    plain.runUntilDone(List.of(base));

    AtomicInteger failures = new AtomicInteger(1);
    VirtualRuntime runtime = runtime(resendsFail(failures), UnaryOperator.identity());
    String arn = runtime.start(runtime.machine("m", FlakyTasks.MACHINE), "run", "{\"order\": \"o\"}");
    runtime.plan.crashAfterCommits(arn, 1);
    runtime.runUntilDone(List.of(arn));

    assertEquals(0, failures.get(), "the redelivery's resend failed once");
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
    assertEquals(plain.history(base), runtime.history(arn));
    assertEquals(List.of(), runtime.queue.deadLetters());
  }

  @Test
  void endedBranchWhoseReportFails_onItsLastDelivery_reportsAgainBeforeGivingUp() {
    AtomicInteger failures = new AtomicInteger(2);
    VirtualRuntime runtime = runtime(UnaryOperator.identity(), reportsFail(failures));
    String arn = runtime.start(runtime.machine("m", ONE_BRANCH), "run", "{}");
    runtime.runUntilDone(List.of(arn));

    assertEquals(0, failures.get(), "the report failed on both deliveries of the branch's last message");
    assertEquals(ExecutionStatus.SUCCEEDED, runtime.record(arn).state().status());
    assertEquals(List.of(), runtime.queue.deadLetters());
  }

  @Test
  void endedBranchWhoseReportKeepsFailing_isNotAcknowledged_itsMessageIsParked() {
    VirtualRuntime runtime = runtime(UnaryOperator.identity(), reportsFail(new AtomicInteger(Integer.MAX_VALUE)));
    String arn = runtime.start(runtime.machine("m", ONE_BRANCH), "run", "{}");
    runtime.run(1_000);

    assertEquals(ExecutionStatus.RUNNING, runtime.record(arn).state().status(), "its join never heard");
    List<StepMessage> parked = runtime.queue.deadLetters();
    assertEquals(1, parked.size(), parked.toString());
    StepMessage last = parked.get(0);
    ExecutionRecord branch = runtime.record(last.executionArn());
    assertTrue(branch.parent() != null && branch.state().isDone(), "the branch ended: " + branch.state().status());
    assertEquals(branch.seq() - 1, last.seq(), "the message of its last transition, which a redrive of the queue replays");
  }
}
