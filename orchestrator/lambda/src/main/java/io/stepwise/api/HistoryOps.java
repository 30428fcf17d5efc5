package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.ChildLink;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.ExecutionStore.TransitionEvents;
import java.util.List;

/**
 * GetExecutionHistory: pages of exactly {@code maxResults} events, oldest or (with
 * {@code reverseOrder}) newest first, with or without the input/output payloads.
 *
 * <p>History is stored one item per transition, so the page position is a transition and the
 * number of its events already returned, in the direction of reading: {@code {seq}:{skip}}.
 * Only committed transitions are read, so a page never shows a transition that may yet be
 * decided again.
 */
final class HistoryOps {
  private static final String OPERATION = "GetExecutionHistory";
  static final String CHILDREN_MEMBER = "stepwiseChildExecutions";
  /** Transitions per read: a transition usually holds 2 to 6 events. */
  private static final int MAX_TRANSITIONS_PER_READ = 100;

  private final ExecutionStore store;
  private final ExecutionViews views;

  HistoryOps(ExecutionStore store) {
    this.store = store;
    this.views = new ExecutionViews(store);
  }

  JsonNode history(Request request) {
    String executionArn = Arns.checkExecution(request.required("executionArn"));
    int max = request.maxResults();
    boolean reverse = request.bool("reverseOrder", false);
    boolean includeData = request.bool("includeExecutionData", true);
    String token = request.nextToken(3096);
    String tokenTag = reverse ? OPERATION + "/reverse" : OPERATION; // a position counts from its own end
    ExecutionRecord record = views.load(executionArn);
    long last = record.seq() - 1; // the last committed transition
    Position at = token == null ? new Position(reverse ? last : 0, 0) : Position.parse(PageTokens.decode(tokenTag, token));
    ArrayNode events = Json.array();
    Position next = null;
    reading:
    while (at.seq() >= 0 && at.seq() <= last) {
      int want = (int) Math.min(MAX_TRANSITIONS_PER_READ, Math.max(1, max - events.size()));
      List<TransitionEvents> read = reverse
          ? store.transitions(executionArn, 0, at.seq(), true, want)
          : store.transitions(executionArn, at.seq(), last, false, want);
      if (read.isEmpty()) break;
      for (TransitionEvents transition : read) {
        List<HistoryEvent> inOrder = transition.events();
        int skip = transition.seq() == at.seq() ? at.skip() : 0;
        for (int i = skip; i < inOrder.size(); i++) {
          if (events.size() == max) {
            next = new Position(transition.seq(), i);
            break reading;
          }
          HistoryEvent event = inOrder.get(reverse ? inOrder.size() - 1 - i : i);
          events.add(withChildren(Shapes.event(event, includeData), executionArn, transition.seq()));
        }
        at = new Position(transition.seq() + (reverse ? -1 : 1), 0);
      }
      if (read.size() < want) break;
    }
    if (next == null && events.size() == max && at.seq() >= 0 && at.seq() <= last) next = at;
    ObjectNode response = Json.object();
    response.set("events", events);
    return Shapes.putText(response, "nextToken", next == null ? null : PageTokens.encode(tokenTag, next.text()));
  }

  /**
   * Stepwise runs each Parallel branch and Map iteration as an execution of its own, which
   * DescribeExecution and GetExecutionHistory serve: the event that starts them names where they
   * are ({@code executionArnPrefix} + index), so that a console can open them. Clients that do not
   * know the member ignore it.
   */
  private static ObjectNode withChildren(ObjectNode event, String executionArn, long seq) {
    String type = event.path("type").asText();
    if (type.equals("MapStateStarted") || type.equals("ParallelStateStarted")) {
      event.set(CHILDREN_MEMBER, Json.object().put("executionArnPrefix", ChildLink.joinKey(executionArn, seq + 1) + "|"));
    }
    return event;
  }

  /** Where the next page starts: a transition, and how many of its events were returned. */
  private record Position(long seq, int skip) {
    static Position parse(String text) {
      int colon = text.indexOf(':');
      try {
        return new Position(Long.parseLong(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
      } catch (RuntimeException e) {
        throw new ApiException("InvalidToken", "Invalid Token: '" + text + "'");
      }
    }

    String text() {
      return seq + ":" + skip;
    }
  }
}
