package io.stepwise.engine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Step Functions' timestamp text: ISO 8601 UTC with milliseconds, e.g. 2026-11-25T02:10:31.123Z. */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What a Wait state accepts: UTC, marked {@code Z}, with optional fractional seconds of any length. */
  private static final Pattern UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

  private Timestamps() {}

  /** The instant of a Wait timestamp such as {@code 2016-03-14T01:59:00.000Z}, or null when it is not one. */
  public static Instant parseUtc(String text) {
    if (!UTC.matcher(text).matches()) return null;
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
