package io.stepwise.runtime;

import java.util.List;

/** Where the next transition's message goes (SQS in AWS). */
public interface StepQueue {
  /** Sends {@code message}, delivered after {@code delaySeconds} (0 to 900). */
  void send(StepMessage message, int delaySeconds);

  /** Sends each of {@code messages} at once (no delay): a fan-out's first wave, in as few requests as the queue allows. */
  default void sendAll(List<StepMessage> messages) {
    for (StepMessage message : messages) send(message, 0);
  }

  /** A message and its delay. */
  record Delayed(StepMessage message, int delaySeconds) {}

  /** Sends each of {@code sends} with its own delay, in as few requests as the queue allows. */
  default void sendDelayed(List<Delayed> sends) {
    for (Delayed send : sends) send(send.message(), send.delaySeconds());
  }
}
