package io.stepwise.aws.dynamodb;

import io.stepwise.runtime.StepMessage;

/**
 * A record's next message in a few bytes ({@code ADVANCE|12|0}, then {@code |gen} when its resend
 * generation is not 0, so records written before generations still read): the record item is
 * written at every transition, so each byte counts toward its write units; the execution is the
 * item's key.
 */
final class NextMessages {
  private NextMessages() {}

  static String encode(StepMessage message) {
    if (message.result() != null || message.error() != null || message.cause() != null) {
      throw new IllegalArgumentException("a record's next message carries no result: " + message);
    }
    String text = message.kind().name() + "|" + message.seq() + "|" + message.dueAtMillis();
    return message.gen() == 0 ? text : text + "|" + message.gen();
  }

  static StepMessage decode(String executionArn, String text) {
    String[] parts = text.split("\\|");
    return new StepMessage(executionArn, Long.parseLong(parts[1]), StepMessage.Kind.valueOf(parts[0]),
        Long.parseLong(parts[2]), null, null, null, parts.length > 3 ? Integer.parseInt(parts[3]) : 0, null);
  }
}
