package io.stepwise.driver;

import io.stepwise.engine.Command;

/** Carries out a Task's call for a driver: mocks, the local Lambda host, or real AWS. */
public interface TaskInvoker {
  TaskOutcome invoke(Command.InvokeTask call);

  /**
   * Whether this invoker answers {@code call} itself where a runtime has its own way to carry it
   * out (a test case's mock of a nested {@code states:startExecution}); none does by default.
   */
  default boolean overrides(Command.InvokeTask call) {
    return false;
  }

  /**
   * An invoker built on its first call: a handler whose first transitions call no Task does not
   * pay for loading the integrations' catalog at its cold start.
   */
  static TaskInvoker lazy(java.util.function.Supplier<? extends TaskInvoker> build) {
    return new TaskInvoker() {
      private volatile TaskInvoker built;

      @Override
      public TaskOutcome invoke(Command.InvokeTask call) {
        TaskInvoker invoker = built;
        if (invoker == null) {
          synchronized (this) {
            if (built == null) built = build.get();
            invoker = built;
          }
        }
        return invoker.invoke(call);
      }
    };
  }

  /**
   * An invoker whose Step Functions errors ({@link io.stepwise.eval.StatesError}, say a parameter
   * the API does not have) fail the Task at once: they would be the same on every delivery, so
   * retrying the message only delays the failure until the message counts as poison.
   */
  static TaskInvoker failingOnStatesErrors(TaskInvoker inner) {
    return call -> {
      try {
        return inner.invoke(call);
      } catch (io.stepwise.eval.StatesError e) {
        return TaskOutcome.failure(e.error(), e.cause());
      }
    };
  }

  /** The invoker used when none is configured: every Task fails to run, naming what is missing. */
  TaskInvoker NONE = call -> {
    throw new UnsupportedTaskException("Task state '" + call.stateName() + "' has no mock and no way to call resource '"
        + call.resource() + "': give it a mock (--mocks FILE --test-case NAME)");
  };
}
