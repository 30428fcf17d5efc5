package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.local.stack.ScheduleExpression;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** EventBridge schedule expressions as the local stack reads them (UTC). */
class StackScheduleExpressionTest {
  private static final ZonedDateTime NOW = ZonedDateTime.parse("2025-03-14T10:17:30Z"); // a Friday

  @Test
  void givenRates_whenParsed_thenTheNextFiringIsOnePeriodLater() {
    assertEquals(NOW.plusMinutes(1), ScheduleExpression.parse("rate(1 minute)").next(NOW));
    assertEquals(NOW.plusHours(2), ScheduleExpression.parse("rate(2 hours)").next(NOW));
    assertEquals(NOW.plusDays(7), ScheduleExpression.parse("rate(7 days)").next(NOW));
  }

  @Test
  void givenARateWithTheWrongNumberForItsUnit_whenParsed_thenItIsRejectedAsAwsDoes() {
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(1 minutes)"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(5 minute)"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)"));
  }

  @Test
  void givenCronExpressions_whenAskedForTheNextFiring_thenItIsTheNextMatchingMinute() {
    assertEquals(ZonedDateTime.parse("2025-03-14T10:18Z"), ScheduleExpression.parse("cron(* * * * ? *)").next(NOW));
    assertEquals(ZonedDateTime.parse("2025-03-14T10:30Z"), ScheduleExpression.parse("cron(0/15 * * * ? *)").next(NOW));
    assertEquals(ZonedDateTime.parse("2025-03-15T08:00Z"), ScheduleExpression.parse("cron(0 8 * * ? *)").next(NOW));
    assertEquals(ZonedDateTime.parse("2025-03-17T09:05Z"), ScheduleExpression.parse("cron(5 9 ? * MON-FRI *)").next(NOW));
    assertEquals(ZonedDateTime.parse("2025-04-01T00:00Z"), ScheduleExpression.parse("cron(0 0 1 * ? *)").next(NOW));
    assertEquals(ZonedDateTime.parse("2025-07-01T12:00Z"), ScheduleExpression.parse("cron(0 12 1 JUL ? *)").next(NOW));
  }

  @Test
  void givenACronWhoseYearIsPast_whenAskedForTheNextFiring_thenThereIsNone() {
    assertEquals(null, ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").next(NOW));
  }

  @Test
  void givenUnsupportedOrMalformedCrons_whenParsed_thenTheMessageSaysWhy() {
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 8 * * ?)"));
    IllegalArgumentException lastDay = assertThrows(IllegalArgumentException.class,
        () -> ScheduleExpression.parse("cron(0 8 L * ? *)"));
    assertEquals(true, lastDay.getMessage().contains("not supported locally"), lastDay.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(60 8 * * ? *)"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every minute"));
  }
}
