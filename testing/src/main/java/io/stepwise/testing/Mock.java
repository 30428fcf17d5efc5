package io.stepwise.testing;

import io.stepwise.driver.TaskOutcome;
import io.stepwise.json.Json;

/** One mocked answer of a Task: a result (JSON text) or an error and cause. */
public final class Mock {
  final TaskOutcome outcome;

  private Mock(TaskOutcome outcome) {
    this.outcome = outcome;
  }

  /** The task returns {@code json} (for {@code lambda:invoke}, the whole {@code {"Payload": ...}}). */
  public static Mock result(String json) {
    return new Mock(TaskOutcome.success(Json.parse(json)));
  }

  /** The task fails with {@code error} (as a Retry or Catch names it) and {@code cause}. */
  public static Mock error(String error, String cause) {
    return new Mock(TaskOutcome.failure(error, cause));
  }
}
