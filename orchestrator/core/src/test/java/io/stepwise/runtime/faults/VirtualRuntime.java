package io.stepwise.runtime.faults;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.StepWorker;
import io.stepwise.runtime.TaskCallbacks;
import io.stepwise.runtime.memory.InMemoryExecutionStore;
import io.stepwise.runtime.memory.InMemoryJoinStore;
import io.stepwise.runtime.memory.InMemoryStateMachineStore;
import io.stepwise.runtime.memory.InMemoryTokenStore;
import io.stepwise.runtime.memory.VirtualTimeQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The whole runtime on the in-memory twins and a virtual-time queue, every part reporting its
 * side effects to a {@link FaultPlan}: a fault scenario that takes seconds on the real servers
 * runs here in milliseconds.
 */
public final class VirtualRuntime {
  public static final Duration LEASE = Duration.ofSeconds(30);
  public static final String ACCOUNT = "arn:aws:states:us-east-1:000000000000:";

  public final FaultPlan plan = new FaultPlan();
  public final VirtualTimeQueue queue;
  public final InMemoryExecutionStore store = new InMemoryExecutionStore();
  public final InMemoryTokenStore tokens = new InMemoryTokenStore();
  public final InMemoryJoinStore joins = new InMemoryJoinStore();
  public final StateMachines machines = new StateMachines(new InMemoryStateMachineStore());
  private final StepQueue sending;
  public final StepWorker worker;
  public final Executions executions;
  public final TaskCallbacks callbacks;
  private int crashes;

  public VirtualRuntime(TaskInvoker tasks) {
    this(tasks, new Engine(Entropy.secure()), 5, UnaryOperator.identity());
  }

  /** @param sends wraps the queue the runtime sends to (a duplicating queue, for instance) */
  public VirtualRuntime(TaskInvoker tasks, Engine engine, int maxReceiveCount, UnaryOperator<StepQueue> sends) {
    this(tasks, engine, maxReceiveCount, sends, UnaryOperator.identity());
  }

  /** @param joining wraps the join store the worker uses (a failing one, for instance) */
  public VirtualRuntime(TaskInvoker tasks, Engine engine, int maxReceiveCount, UnaryOperator<StepQueue> sends,
      UnaryOperator<JoinStore> joining) {
    queue = new VirtualTimeQueue(Instant.parse("2026-01-01T00:00:00Z"), maxReceiveCount, Duration.ofSeconds(60));
    sending = sends.apply(queue);
    worker = new StepWorker(FaultyParts.store(store, plan), tokens, FaultyParts.joins(joining.apply(joins), plan), machines,
        FaultyParts.queue(sending, plan), FaultyParts.tasks(tasks, plan), engine,
        queue, LEASE, millis -> queue.advance(java.time.Duration.ofMillis(millis)));
    executions = new Executions(store, machines, sending, queue);
    callbacks = new TaskCallbacks(store, tokens, sending, queue);
  }

  public String machine(String name, String definition) {
    String arn = ACCOUNT + "stateMachine:" + name;
    machines.store().put(new StateMachineStore.StateMachineRecord(arn, name, 0, definition, "role", "STANDARD"));
    return arn;
  }

  public String start(String machineArn, String name, String input) {
    return executions.start(machineArn, name, input).executionArn();
  }

  /** Delivers messages until the queue is empty or {@code maxDeliveries} were made; returns the crashes seen. */
  public int run(int maxDeliveries) {
    for (int n = 0; n < maxDeliveries; n++) {
      Optional<VirtualTimeQueue.Delivery> next = queue.receive();
      if (next.isEmpty()) return crashes;
      deliver(next.get());
    }
    return crashes;
  }

  /** Runs until every execution named is done (or nothing is left to deliver). */
  public int runUntilDone(Collection<String> executionArns) {
    while (!executionArns.stream().allMatch(this::done)) {
      Optional<VirtualTimeQueue.Delivery> next = queue.receive();
      if (next.isEmpty()) break;
      deliver(next.get());
    }
    return crashes;
  }

  /**
   * RedriveExecution as a client calls it: after a crash in the API, the client calls again (and
   * is told the execution is not redrivable once the first call's commit landed).
   */
  public void redrive(String executionArn) {
    while (true) {
      try {
        worker.redrive(executionArn);
        return;
      } catch (FaultPlan.Crash crash) {
        crashes++;
      }
    }
  }

  public boolean done(String executionArn) {
    return store.load(executionArn).map(r -> r.state().isDone()).orElse(false);
  }

  private void deliver(VirtualTimeQueue.Delivery delivery) {
    StepWorker.Outcome outcome;
    try {
      outcome = worker.process(delivery.message(), delivery.receiptId(), queue.lastDelivery(delivery));
    } catch (FaultPlan.Crash crash) {
      crashes++;
      queue.advance(LEASE.plusSeconds(1)); // the dead worker's lease runs out
      outcome = StepWorker.Outcome.RETRY;
    } catch (RuntimeException failed) { // contended, or failing: as the handler does, let it come back
      outcome = StepWorker.Outcome.RETRY;
    }
    if (outcome == StepWorker.Outcome.ACK) queue.ack(delivery);
    else queue.release(delivery);
  }

  public ExecutionRecord record(String executionArn) {
    return store.load(executionArn).orElseThrow();
  }

  /** The whole history as comparable lines (ids, types, details, payloads; no timestamps). */
  public List<String> history(String executionArn) {
    List<String> lines = new ArrayList<>();
    for (HistoryEvent e : store.history(executionArn, 0, Integer.MAX_VALUE).events()) {
      lines.add(e.id() + "<" + e.previousEventId() + " " + e.type() + " " + e.details() + " " + e.payloadField() + "=" + e.payload());
    }
    return lines;
  }
}
