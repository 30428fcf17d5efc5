package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
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

  /**
   * What a Wait state accepts: ISO-8601 extended offset date-time, the offset {@code Z} or numeric
   * ({@code +00:00}, as AWS takes it: localstack/localstack#10523), fractional seconds optional.
   */
  private static final Pattern OFFSET_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  /** The instant of a Wait timestamp such as {@code 2016-03-14T01:59:00.000Z}, or null when it is not one. */
  public static Instant parseWait(String text) {
    if (!OFFSET_DATE_TIME.matcher(text).matches()) return null;
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A Wait timestamp: with an offset, {@code Z} or numeric, fractional seconds optional, as Step
   * Functions accepts (no offset fails). The cause names the field as
   * written ({@code $.start_at}) and the value it gave.
   */
  static Instant waitTimestamp(JsonNode value, String field, String written) {
    Instant parsed = value != null && value.isTextual() ? parseWait(value.textValue()) : null;
    if (parsed == null) {
      String text = value == null ? "null" : value.isTextual() ? value.textValue() : Json.write(value);
      throw StatesError.runtime("The " + field + " parameter does not reference a valid ISO-8601 extended offset "
          + "date-time format string: " + written + " == " + text);
    }
    return parsed;
  }

  /**
   * A JSONata {@code Timestamp}'s value: the same format rule, but the failure is a
   * States.QueryEvaluationError naming the field and the value, as AWS records it.
   */
  static Instant jsonataTimestamp(JsonNode value) {
    Instant parsed = value != null && value.isTextual() ? parseWait(value.textValue()) : null;
    if (parsed == null) {
      String text = value == null ? "null" : value.isTextual() ? value.textValue() : Json.write(value);
      throw StatesError.query("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
          + text);
    }
    return parsed;
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
