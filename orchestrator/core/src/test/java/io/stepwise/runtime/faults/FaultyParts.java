package io.stepwise.runtime.faults;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepQueue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The real store, queue and task invoker, each reporting its side effects to a {@link FaultPlan}. */
public final class FaultyParts {
  private FaultyParts() {}

  public static ExecutionStore store(ExecutionStore real, FaultPlan plan) {
    return new ExecutionStore() {
      public Optional<ExecutionRecord> load(String arn) {
        Optional<ExecutionRecord> record = real.load(arn);
        plan.after(arn, "load");
        return record;
      }

      public boolean create(ExecutionRecord record) {
        return real.create(record);
      }

      public void createAll(List<ExecutionRecord> records) {
        real.createAll(records);
        if (!records.isEmpty()) plan.after(records.get(0).key(), "createChildren");
      }

      public void createChildren(String joinKey, List<ExecutionRecord> records) {
        real.createChildren(joinKey, records);
        if (!records.isEmpty()) plan.after(records.get(0).key(), "createChildren");
      }

      public void writeHistory(String arn, long seq, List<HistoryEvent> events, String owner, Instant now, Instant until) {
        real.writeHistory(arn, seq, events, owner, now, until);
        plan.after(arn, "writeHistory");
      }

      public void expireLease(String arn, long seq) {
        real.expireLease(arn, seq);
      }

      public void commit(ExecutionRecord next, long expectedSeq) {
        real.commit(next, expectedSeq);
        plan.after(next.key(), "commit");
      }

      /** The commit point, one write in DynamoDB: a crash comes before it (after the side effect before) or after it. */
      public void commitTransition(ExecutionRecord next, List<HistoryEvent> events, String owner, Instant now,
          Instant until) {
        real.commitTransition(next, events, owner, now, until);
        plan.after(next.key(), "commitTransition");
      }

      public void reindex(ExecutionRecord committed) {
        real.reindex(committed);
        plan.after(committed.key(), "reindex");
      }

      public HistoryPage history(String arn, long fromSeq, int max) {
        return real.history(arn, fromSeq, max);
      }

      public List<TransitionEvents> transitions(String arn, long low, long high, boolean reverse, int max) {
        return real.transitions(arn, low, high, reverse, max);
      }
    };
  }

  public static JoinStore joins(JoinStore real, FaultPlan plan) {
    return new JoinStore() {
      public boolean create(String joinKey, int total, int wave, long tolerated, boolean inChildren) {
        boolean created = real.create(joinKey, total, wave, tolerated, inChildren);
        plan.after(joinKey, "createJoin");
        return created;
      }

      public Join get(String joinKey) {
        return real.get(joinKey);
      }

      public void markCreated(String joinKey) {
        real.markCreated(joinKey);
        plan.after(joinKey, "markCreated");
      }

      public Progress report(String joinKey, ChildOutcome outcome, int counts) {
        Progress progress = real.report(joinKey, outcome, counts);
        plan.after(joinKey, "report");
        return progress;
      }

      public Progress count(String joinKey, boolean failed, int counts) {
        Progress progress = real.count(joinKey, failed, counts);
        plan.after(joinKey, "report");
        return progress;
      }

      public boolean change(String joinKey, long doneSeen, Changes changes, long tolerated) {
        boolean changed = real.change(joinKey, doneSeen, changes, tolerated);
        plan.after(joinKey, "changeJoin");
        return changed;
      }

      public List<ChildOutcome> outcomes(String joinKey) {
        return real.outcomes(joinKey);
      }
    };
  }

  public static StepQueue queue(StepQueue real, FaultPlan plan) {
    return (StepMessage message, int delaySeconds) -> {
      real.send(message, delaySeconds);
      plan.after(message.executionArn(), "send");
    };
  }

  public static TaskInvoker tasks(TaskInvoker real, FaultPlan plan) {
    return (Command.InvokeTask call) -> {
      TaskOutcome outcome = real.invoke(call);
      plan.after(call.executionArn(), "invoke " + call.stateName());
      return outcome;
    };
  }
}
