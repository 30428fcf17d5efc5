package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A case's {@code expected.history} against the events of a run: {@code [id, previousEventId,
 * type, state name or null]} per event, the same events in the same order with the same linkage.
 */
final class HistoryCompare {
  private static final Set<String> PARALLEL_ENDS = Set.of(
      "ParallelStateSucceeded", "ParallelStateAborted", "ParallelStateExited", "ParallelStateFailed");

  /** How a history mismatch message starts. */
  static final String DIFFERS = "history differs";

  private HistoryCompare() {}

  /** The run's history in the README's shape. */
  static ArrayNode shape(List<HistoryEvent> events) {
    ArrayNode out = Json.array();
    for (HistoryEvent e : events) {
      ArrayNode row = out.addArray();
      row.add(e.id());
      row.add(e.previousEventId());
      row.add(e.type());
      boolean named = "stateEnteredEventDetails".equals(e.detailsKey()) || "stateExitedEventDetails".equals(e.detailsKey());
      if (named && e.details() != null && e.details().hasNonNull("name")) row.add(e.details().get("name").asText());
      else row.addNull();
    }
    return out;
  }

  /** Null when {@code actual} is the recorded history, else a diff around the first difference. */
  static String mismatch(JsonNode expected, ArrayNode actual) {
    return mismatch(expected, actual, null);
  }

  /**
   * As {@link #mismatch(JsonNode, ArrayNode)}, where {@code arrivals} (a case's
   * {@code history_arrival_order}: {@code [first id, last id]} ranges) names runs of events that
   * came at one time in AWS's run, a few milliseconds apart, in the order they arrived (timeouts
   * of calls started together): within each, the events compare in any order.
   */
  static String mismatch(JsonNode expected, ArrayNode actual, JsonNode arrivals) {
    List<JsonNode> want = inAnyOrder(rows(expected), arrivals);
    List<JsonNode> got = inAnyOrder(recorderNormalised(expected, rows(actual)), arrivals);
    int first = 0;
    while (first < want.size() && first < got.size() && Json.write(want.get(first)).equals(Json.write(got.get(first)))) first++;
    if (first == want.size() && first == got.size()) return null;
    StringBuilder diff = new StringBuilder(DIFFERS + " at event #" + (first + 1) + " (expected "
        + want.size() + " events, got " + got.size() + "):");
    for (int i = Math.max(0, first - 2); i < Math.min(Math.max(want.size(), got.size()), first + 3); i++) {
      diff.append("\n    ").append(i == first ? "> " : "  ")
          .append("expected ").append(i < want.size() ? Json.write(want.get(i)) : "(none)")
          .append("  got ").append(i < got.size() ? Json.write(got.get(i)) : "(none)");
    }
    return diff.toString();
  }

  /** Each range's rows sorted by what follows their id, then numbered again as they stood. */
  private static List<JsonNode> inAnyOrder(List<JsonNode> rows, JsonNode arrivals) {
    if (arrivals == null || !arrivals.isArray()) return rows;
    List<JsonNode> out = new ArrayList<>(rows);
    for (JsonNode range : arrivals) {
      int from = range.get(0).asInt() - 1;
      int to = Math.min(range.get(1).asInt(), out.size());
      if (from < 0 || from >= to) continue;
      List<JsonNode> run = new ArrayList<>(out.subList(from, to));
      run.sort(Comparator.comparing(row -> Json.write(withoutId(row))));
      for (int i = from; i < to; i++) {
        ArrayNode row = (ArrayNode) run.get(i - from).deepCopy();
        row.set(0, out.get(i).get(0));
        out.set(i, row);
      }
    }
    return out;
  }

  private static ArrayNode withoutId(JsonNode row) {
    ArrayNode rest = ((ArrayNode) row).deepCopy();
    rest.remove(0);
    return rest;
  }

  private static List<JsonNode> rows(JsonNode array) {
    List<JsonNode> rows = new ArrayList<>();
    array.forEach(rows::add);
    return rows;
  }

  /**
   * The recorder made the events under a Parallel order-independent: from each ParallelStateStarted
   * to the next Parallel end event, ids became {@code [0]}, previous ids 0, and the events were
   * sorted. Where the recording shows that, the run's events get the same treatment (quirks
   * included: a nested Parallel's end also closes the outer list) so that the two compare.
   */
  private static List<JsonNode> recorderNormalised(JsonNode expected, List<JsonNode> events) {
    boolean normalised = false;
    for (JsonNode row : expected) normalised |= row.get(0).isArray();
    if (!normalised) return events;
    List<JsonNode> out = new ArrayList<>(events);
    List<JsonNode> sublist = new ArrayList<>();
    int start = -1;
    boolean inSublist = false;
    for (int i = 0; i < out.size(); i++) {
      String type = out.get(i).get(2).asText();
      if (PARALLEL_ENDS.contains(type)) {
        if (start >= 0) {
          List<JsonNode> sorted = new ArrayList<>(sublist);
          sorted.sort(Comparator.comparing(Json::write));
          List<JsonNode> replaced = new ArrayList<>(out.subList(0, start));
          replaced.addAll(sorted);
          replaced.addAll(out.subList(i, out.size()));
          out = replaced; // and i goes on from where it was, as the recorder's loop did

        }
        inSublist = false;
      } else if (type.equals("ParallelStateStarted")) {
        inSublist = true;
        sublist = new ArrayList<>();
        start = i + 1;
      } else if (inSublist) {
        ArrayNode row = Json.array();
        row.addArray().add(0);
        row.add(0);
        row.add(out.get(i).get(2));
        row.add(out.get(i).get(3));
        out.set(i, row);
        sublist.add(row);
      }
    }
    return out;
  }
}
