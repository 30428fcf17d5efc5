package io.stepwise.local.stack;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge ScheduleExpression: {@code rate(N minute|minutes|hour|hours|day|days)} or a
 * six-field {@code cron(minutes hours day-of-month month day-of-week year)} in UTC, each field
 * {@code *}, {@code ?}, a number or name (JAN, SUN), a range {@code a-b}, a step {@code x/n} or a
 * comma list of those. Not supported: {@code L}, {@code W} and {@code #} (rejected with a message).
 */
public sealed interface ScheduleExpression {
  /** The first fire time strictly after {@code after}, or null when there is none (a past year). */
  ZonedDateTime next(ZonedDateTime after);

  static ScheduleExpression parse(String expression) {
    String text = expression.trim();
    Matcher rate = Rate.PATTERN.matcher(text);
    if (rate.matches()) return Rate.of(Integer.parseInt(rate.group(1)), rate.group(2));
    if (text.startsWith("cron(") && text.endsWith(")")) return Cron.of(text.substring(5, text.length() - 1));
    throw new IllegalArgumentException("not a schedule expression: " + expression
        + " (expected rate(N minutes|hours|days) or cron(min hour day-of-month month day-of-week year))");
  }

  /** Every {@code period}, the first one period after the rule is created (as EventBridge does). */
  record Rate(Duration period) implements ScheduleExpression {
    static final Pattern PATTERN = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    static Rate of(int value, String unit) {
      if (value <= 0) throw new IllegalArgumentException("a rate must be positive: " + value);
      // AWS insists on the singular for 1 and the plural otherwise.
      if ((value == 1) != !unit.endsWith("s")) {
        throw new IllegalArgumentException("rate(" + value + " " + unit + "): use " + (value == 1 ? "the singular" : "the plural")
            + " unit");
      }
      ChronoUnit chrono = unit.startsWith("minute") ? ChronoUnit.MINUTES : unit.startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
      return new Rate(Duration.of(value, chrono));
    }

    @Override
    public ZonedDateTime next(ZonedDateTime after) {
      return after.plus(period);
    }
  }

  /** A cron rule: fires at the start of each matching minute (UTC). */
  record Cron(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
      BitSet years, boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
        Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
        Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
        "FRI", 6, "SAT", 7);
    /** How far ahead to look for a match before giving up (a Feb 30th never comes). */
    private static final int HORIZON_YEARS = 5;

    static Cron of(String text) {
      List<String> fields = List.of(text.trim().split("\\s+"));
      if (fields.size() != 6) {
        throw new IllegalArgumentException("cron(" + text + ") needs 6 fields: minutes hours day-of-month month day-of-week year");
      }
      return new Cron(text, field(fields.get(0), 0, 59, Map.of()), field(fields.get(1), 0, 23, Map.of()),
          field(fields.get(2), 1, 31, Map.of()), field(fields.get(3), 1, 12, MONTHS), field(fields.get(4), 1, 7, DAYS),
          field(fields.get(5), 1970, 2199, Map.of()), isAny(fields.get(2)), isAny(fields.get(4)));
    }

    @Override
    public ZonedDateTime next(ZonedDateTime after) {
      ZonedDateTime t = after.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      ZonedDateTime end = t.plusYears(HORIZON_YEARS);
      while (t.isBefore(end)) {
        if (!years.get(t.getYear()) || !months.get(t.getMonthValue()) || !dayMatches(t)) {
          t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        } else if (!hours.get(t.getHour())) {
          t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        } else if (!minutes.get(t.getMinute())) {
          t = t.plusMinutes(1);
        } else {
          return t;
        }
      }
      return null;
    }

    /** With one day field '?' (or '*') the other decides; with both restricted, either matching is enough. */
    private boolean dayMatches(ZonedDateTime t) {
      boolean dom = daysOfMonth.get(t.getDayOfMonth());
      boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7 + 1); // SUN=1 .. SAT=7
      if (anyDayOfMonth) return dow;
      if (anyDayOfWeek) return dom;
      return dom || dow;
    }

    private static boolean isAny(String field) {
      return field.equals("*") || field.equals("?");
    }

    private static BitSet field(String field, int min, int max, Map<String, Integer> names) {
      BitSet set = new BitSet(max + 1);
      for (String part : field.toUpperCase(Locale.ROOT).split(",")) {
        String withoutNames = part;
        for (String name : names.keySet()) withoutNames = withoutNames.replace(name, ""); // JUL, WED hold L and W
        if (withoutNames.matches(".*[LW#].*")) {
          throw new IllegalArgumentException("cron field '" + field + "': L, W and # are not supported locally");
        }
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(part.substring(slash + 1));
          range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?")) {
          from = min;
          to = max;
        } else if (range.indexOf('-') > 0) {
          from = value(range.substring(0, range.indexOf('-')), names);
          to = value(range.substring(range.indexOf('-') + 1), names);
        } else {
          from = value(range, names);
          to = slash >= 0 ? max : from;
        }
        if (from < min || to > max || from > to || step <= 0) {
          throw new IllegalArgumentException("cron field '" + field + "' is out of range " + min + "-" + max);
        }
        for (int v = from; v <= to; v += step) set.set(v);
      }
      return set;
    }

    private static int value(String text, Map<String, Integer> names) {
      Integer named = names.get(text);
      if (named != null) return named;
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a cron value: " + text, e);
      }
    }
  }
}
