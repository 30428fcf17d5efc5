package io.stepwise.runtime;

/** Where the next transition's message goes (SQS in AWS). */
public interface StepQueue {
  /** Sends {@code message}, delivered after {@code delaySeconds} (0 to 900). */
  void send(StepMessage message, int delaySeconds);
}
