package io.stepwise.asl;

import io.stepwise.eval.ErrorNames;
import java.util.List;

/** How a Retry or Catch ErrorEquals list matches an error name. */
final class ErrorMatch {
  private ErrorMatch() {}

  /**
   * Without {@code wildcards} only an ErrorEquals naming the error takes it: an error that is
   * terminal where it arose (a branch's output over the size limit), which States.ALL must not catch.
   */
  static boolean matches(List<String> errorEquals, String error, boolean wildcards) {
    return wildcards ? matches(errorEquals, error) : errorEquals.contains(error);
  }

  static boolean matches(List<String> errorEquals, String error) {
    // States.Runtime "will always cause the execution to fail" (developer guide): nothing retries or catches it.
    if (ErrorNames.RUNTIME.equals(error)) return false;
    // A missed heartbeat is a States.Timeout too; States.HeartbeatTimeout names only that one.
    boolean timeout = ErrorNames.TIMEOUT.equals(ErrorNames.recorded(error));
    for (String name : errorEquals) {
      if (name.equals(error) || name.equals(ErrorNames.ALL)) return true;
      if (name.equals(ErrorNames.TIMEOUT) && timeout) return true;
      // States.TaskFailed is a wildcard for every error except States.Timeout.
      if (name.equals(ErrorNames.TASK_FAILED) && !timeout) return true;
    }
    return false;
  }
}
