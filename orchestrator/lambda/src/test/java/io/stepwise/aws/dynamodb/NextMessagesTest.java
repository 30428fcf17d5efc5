package io.stepwise.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.runtime.StepMessage;
import org.junit.jupiter.api.Test;

class NextMessagesTest {
  private static final String ARN = "arn:aws:states:us-east-1:000000000000:execution:m:e";

  @Test
  void anOriginal_keepsTheOldLayout_andARecordWrittenBeforeGenerationsReadsAsGenerationZero() {
    StepMessage advance = StepMessage.advance(ARN, 12);
    assertEquals("ADVANCE|12|0", NextMessages.encode(advance));
    assertEquals(advance, NextMessages.decode(ARN, "ADVANCE|12|0"));
  }

  @Test
  void aResendsGeneration_rides_asATrailingField() {
    StepMessage timer = new StepMessage(ARN, 3, StepMessage.Kind.TIMER, 9_000, null, null, null, 2, null);
    assertEquals("TIMER|3|9000|2", NextMessages.encode(timer));
    assertEquals(timer, NextMessages.decode(ARN, NextMessages.encode(timer)));
  }
}
