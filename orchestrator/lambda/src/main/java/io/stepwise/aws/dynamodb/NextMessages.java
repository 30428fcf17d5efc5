package io.stepwise.aws.dynamodb;

import io.stepwise.runtime.StepMessage;

/**
 * A record's next message in a few bytes ({@code ADVANCE|12|0}): the record item is written at
 * every transition, so each byte counts toward its write units; the execution is the item's key.
 */
final class NextMessages {
  private NextMessages() {}

  static String encode(StepMessage message) {
    if (message.result() != null || message.error() != null || message.cause() != null) {
      throw new IllegalArgumentException("a record's next message carries no result: " + message);
    }
    return message.kind().name() + "|" + message.seq() + "|" + message.dueAtMillis();
  }

  static StepMessage decode(String executionArn, String text) {
    String[] parts = text.split("\\|");
    return new StepMessage(executionArn, Long.parseLong(parts[1]), StepMessage.Kind.valueOf(parts[0]),
        Long.parseLong(parts[2]), null, null, null);
  }
}
