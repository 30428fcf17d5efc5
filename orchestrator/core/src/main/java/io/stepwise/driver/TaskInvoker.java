package io.stepwise.driver;

import io.stepwise.engine.Command;

/** Carries out a Task's call for a driver: mocks, the local Lambda host, or real AWS. */
public interface TaskInvoker {
  TaskOutcome invoke(Command.InvokeTask call);

  /** The invoker used when none is configured: every Task fails to run, naming what is missing. */
  TaskInvoker NONE = call -> {
    throw new UnsupportedTaskException("Task state '" + call.stateName() + "' has no mock and no way to call resource '"
        + call.resource() + "': give it a mock (--mocks FILE --test-case NAME)");
  };
}
