package io.stepwise.tests;

import io.stepwise.engine.ExecutionState;
import io.stepwise.lambda.Runtime;
import io.stepwise.runtime.Pause;
import io.stepwise.runtime.StateMachineStore;
import java.time.Duration;

/** Test steps on a runtime: store a machine, start it, wait for the end. */
public final class ExecutionFixtures {
  public static final String MACHINE_PREFIX = "arn:aws:states:us-east-1:000000000000:stateMachine:";

  private ExecutionFixtures() {}

  /** Stores {@code definition} as machine {@code name}; returns its ARN. */
  public static String machine(Runtime runtime, String name, String definition) {
    return machine(runtime, name, definition, "role");
  }

  /** The same, with the machine's roleArn, which its Tasks run as. */
  public static String machine(Runtime runtime, String name, String definition, String roleArn) {
    runtime.machines().store().put(new StateMachineStore.StateMachineRecord(
        MACHINE_PREFIX + name, name, 0, definition, roleArn, "STANDARD"));
    return MACHINE_PREFIX + name;
  }

  /** Polls the store until {@code executionArn} has ended. */
  public static ExecutionState await(Runtime runtime, String executionArn, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      ExecutionState state = runtime.store().load(executionArn).orElseThrow().state();
      if (state.isDone()) return state;
      Pause.millis(50);
    }
    throw new AssertionError(executionArn + " did not finish within " + timeout);
  }

  /** Stores the machine, starts one execution named "e" with {@code input}, and waits for its end. */
  public static ExecutionState run(Runtime runtime, String name, String definition, String input, Duration timeout) {
    return run(runtime, name, definition, "role", input, timeout);
  }

  public static ExecutionState run(Runtime runtime, String name, String definition, String roleArn, String input,
      Duration timeout) {
    String execution = runtime.executions().start(machine(runtime, name, definition, roleArn), "e", input).executionArn();
    return await(runtime, execution, timeout);
  }
}
