package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as Choice rules read them: the RFC 3339 profile of ISO 8601 with an uppercase
 * {@code T} between date and time and either an uppercase {@code Z} or a numeric offset, e.g.
 * {@code 2016-08-18T17:33:00Z}, {@code 2016-08-18T17:33:00.123+01:00}. A missing offset, a bare
 * date or a space separator is not a timestamp.
 */
final class Timestamps {
  private static final Pattern RFC3339 = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?:Z|([+-])(\\d{2}):(\\d{2}))");

  private Timestamps() {}

  /** The instant {@code node} denotes, or null when it is not a timestamp string. */
  static Instant parse(JsonNode node) {
    return node != null && node.isTextual() ? parse(node.textValue()) : null;
  }

  /** The instant {@code text} denotes, or null when it is not a timestamp. */
  static Instant parse(String text) {
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) return null;
    try {
      String fraction = m.group(7) == null ? "" : m.group(7);
      int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(
          number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5), number(m, 6), nanos);
      ZoneOffset offset = m.group(8) == null
          ? ZoneOffset.UTC
          : ZoneOffset.ofHoursMinutes(
              sign(m) * number(m, 9), sign(m) * number(m, 10));
      return local.toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int sign(Matcher m) {
    return "-".equals(m.group(8)) ? -1 : 1;
  }
}
