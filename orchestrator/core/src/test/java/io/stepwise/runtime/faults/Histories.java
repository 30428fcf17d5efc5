package io.stepwise.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparing the history of a run that crashed with the fault-free run's, as {@code "id<previous
 * Type details payload"} lines.
 *
 * <p>Without fan-out the two must be equal line for line. With a Map or Parallel they must hold the
 * same events, each as often, linked into one chain of ids, but its children's events may
 * interleave differently: the parent merges them in the order they happened, as Step Functions
 * does, and a crash changes when each child's steps run.
 */
public final class Histories {
  private static final Pattern EVENT = Pattern.compile("(\\d+)<(\\d+) ");

  private Histories() {}

  public static void assertSameEvents(List<String> expected, List<String> actual, boolean fansOut, String what) {
    if (!fansOut) {
      assertEquals(expected, actual, what);
      return;
    }
    assertEquals(withoutIds(expected), withoutIds(actual), what + ": the same events, each as often");
    long next = 1;
    for (String line : actual) {
      Matcher event = EVENT.matcher(line);
      if (!event.lookingAt()) continue; // the outcome's own line
      long id = Long.parseLong(event.group(1));
      long previous = Long.parseLong(event.group(2));
      assertEquals(next++, id, what + ": ids run 1, 2, 3, ... at " + line);
      assertTrue(previous >= 0 && previous < id, what + ": each event links to an earlier one at " + line);
    }
  }

  private static List<String> withoutIds(List<String> history) {
    return history.stream().map(line -> line.replaceFirst("^\\d+<\\d+ ", "")).sorted().toList();
  }
}
