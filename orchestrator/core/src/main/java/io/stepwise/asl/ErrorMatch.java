package io.stepwise.asl;

import io.stepwise.eval.ErrorNames;
import java.util.List;

/** How a Retry or Catch ErrorEquals list matches an error name. */
final class ErrorMatch {
  private ErrorMatch() {}

  static boolean matches(List<String> errorEquals, String error) {
    for (String name : errorEquals) {
      if (name.equals(error)) return true;
      // States.ALL matches every error except States.Runtime, which is terminal.
      if (name.equals(ErrorNames.ALL) && !ErrorNames.escapesStatesAll(error)) return true;
      // States.TaskFailed is a wildcard for every error except States.Timeout (and Runtime).
      if (name.equals(ErrorNames.TASK_FAILED) && !error.equals(ErrorNames.TIMEOUT)
          && !ErrorNames.escapesStatesAll(error)) return true;
    }
    return false;
  }
}
