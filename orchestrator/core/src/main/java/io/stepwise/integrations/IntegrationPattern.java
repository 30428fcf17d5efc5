package io.stepwise.integrations;

import java.util.Optional;

/** How a Task waits on its integration: the suffix of its resource ARN. */
public enum IntegrationPattern {
  REQUEST_RESPONSE(""),
  RUN_JOB("sync"),
  RUN_JOB_2("sync:2"),
  WAIT_FOR_TASK_TOKEN("waitForTaskToken");

  private final String suffix;

  IntegrationPattern(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }

  public static Optional<IntegrationPattern> fromSuffix(String suffix) {
    for (IntegrationPattern p : values()) {
      if (p.suffix.equals(suffix)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
