package io.stepwise.express;

import io.stepwise.asl.StateMachine;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.VirtualClock;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.eval.ErrorNames;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs an Express execution whole, in this process: the engine's in-memory driver on the real
 * clock, with Tasks called through the runtime's own invokers and Wait states waited here. It
 * writes nothing to the table; the history goes to {@link ExpressHistory} at the end.
 *
 * <p>At-least-once, as Step Functions Express is: a queue message redelivered (the invocation
 * died, or outlived the visibility timeout) runs the execution again from its start.
 */
public final class ExpressRunner {
  /** Step Functions' limit on an Express execution: it then ends TIMED_OUT with States.Timeout. */
  public static final Duration LIMIT = Duration.ofMinutes(5);

  private final StateMachines machines;
  private final Engine engine;
  private final TaskInvoker tasks;
  private final VirtualClock clock;
  private final ExpressHistory history;

  public ExpressRunner(StateMachines machines, Engine engine, TaskInvoker tasks, VirtualClock clock, ExpressHistory history) {
    this.machines = machines;
    this.engine = engine;
    this.tasks = tasks;
    this.clock = clock;
    this.history = history;
  }

  /** StartExecution's message for an Express machine: runs it to its end. */
  public ExpressResult process(StepMessage message) {
    return run(ExpressStart.fromMessage(message));
  }

  public ExpressResult run(ExpressStart start) {
    StateMachine machine = machines.get(start.stateMachineArn(), start.machineVersion());
    ExecutionResult result;
    try {
      // Parallel branches and Map iterations side by side, as Step Functions runs them
      result = new InMemoryDriver(engine, tasks, clock, null).withConcurrentChildren().run(machine, start.info(), LIMIT);
    } catch (RuntimeException | StackOverflowError defect) {
      // A defect or an infrastructure failure: the caller gets States.Runtime, the log the detail.
      String reference = UUID.randomUUID().toString();
      System.err.println("stepwise: Express execution " + start.executionArn() + " failed (reference " + reference + "): " + defect);
      defect.printStackTrace();
      return new ExpressResult(start, ExecutionStatus.FAILED, null, ErrorNames.RUNTIME,
          "An internal error occurred (reference " + reference + " in the orchestrator's log).", clock.now(), 0);
    }
    List<HistoryEvent> events = result.history();
    Instant stop = events.isEmpty() ? clock.now() : events.get(events.size() - 1).timestamp();
    history.write(start, events);
    return new ExpressResult(start, result.status(), result.output(), result.error(), result.cause(), stop,
        result.transitions());
  }
}
