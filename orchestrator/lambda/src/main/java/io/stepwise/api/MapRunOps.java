package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.ChildLink;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.ExecutionStore.TransitionEvents;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.MapRunUpdates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ListMapRuns, DescribeMapRun and UpdateMapRun. A Map Run is a distributed Map's fan-out: its
 * start and end are the MapRunStarted / MapRunSucceeded / MapRunFailed events of the execution's
 * history, and its counts come from the fan-out's join (one outcome per item).
 */
final class MapRunOps {
  private static final int TRANSITIONS_PER_READ = 100;

  private final ExecutionStore store;
  private final JoinStore joins;
  private final ExecutionViews views;
  private final MapRunUpdates updates;

  MapRunOps(ExecutionStore store, JoinStore joins, MapRunUpdates updates) {
    this.store = store;
    this.joins = joins;
    this.updates = updates;
    this.views = new ExecutionViews(store);
  }

  /** One run of a distributed Map, read from the history. */
  private record MapRun(String arn, String executionArn, long seq, Instant startDate, Instant stopDate, String status) {}

  JsonNode list(Request request) {
    String executionArn = Arns.checkExecution(request.required("executionArn"));
    ExecutionRecord record = views.load(executionArn);
    ArrayNode items = Json.array();
    for (MapRun run : runs(record)) {
      ObjectNode item = Json.object().put("executionArn", executionArn).put("mapRunArn", run.arn())
          .put("stateMachineArn", run.arn().substring(0, run.arn().lastIndexOf(':')).replace(":mapRun:", ":stateMachine:"));
      Shapes.putTime(item, "startDate", run.startDate());
      items.add(Shapes.putTime(item, "stopDate", run.stopDate()));
    }
    ObjectNode response = Json.object();
    response.set("mapRuns", items);
    return response;
  }

  JsonNode describe(Request request) {
    MapRun run = find(Arns.checkMapRun(request.required("mapRunArn")));
    JoinStore.Join join = joins.get(ChildLink.joinKey(run.executionArn(), run.seq() + 1));
    List<ChildOutcome> outcomes = join == null ? List.of() : joins.outcomes(join.key());
    int total = join == null ? 0 : join.total();
    long succeeded = outcomes.stream().filter(ChildOutcome::succeeded).count();
    long failed = outcomes.size() - succeeded;
    boolean running = run.status().equals("RUNNING");
    long open = total - outcomes.size();
    long runningNow = running && join != null ? Math.min(join.schedule().wave(), open) : 0;
    long pending = running ? open - runningNow : 0;
    long aborted = running ? 0 : open;
    ObjectNode counts = Json.object().put("pending", pending).put("running", runningNow).put("succeeded", succeeded)
        .put("failed", failed).put("timedOut", 0).put("aborted", aborted).put("total", total)
        .put("resultsWritten", succeeded).put("failuresNotRedrivable", 0).put("pendingRedrive", 0);
    ObjectNode response = Json.object().put("mapRunArn", run.arn()).put("executionArn", run.executionArn())
        .put("status", run.status());
    Shapes.putTime(response, "startDate", run.startDate());
    Shapes.putTime(response, "stopDate", run.stopDate());
    // As UpdateMapRun last set them; until then, the run's own (its tolerance counted in items).
    JoinStore.Changes changed = join == null || join.changes() == null ? new JoinStore.Changes("", null, null, null) : join.changes();
    response.put("maxConcurrency", changed.maxConcurrency() != null ? changed.maxConcurrency() : join == null ? 0 : join.wave());
    response.put("toleratedFailurePercentage", changed.toleratedPercentage() != null ? changed.toleratedPercentage() : 0.0);
    response.put("toleratedFailureCount", changed.toleratedCount() != null ? changed.toleratedCount()
        : changed.toleratedPercentage() != null || join == null ? 0 : join.tolerated());
    response.set("itemCounts", counts);
    response.set("executionCounts", counts.deepCopy());
    return response.put("redriveCount", 0);
  }

  /**
   * Checked as AWS checks it (the values' ranges, at least one of them, a Map Run that has not
   * ended), then applied to the running fan-out: see {@link MapRunUpdates}.
   */
  JsonNode update(Request request) {
    String arn = Arns.checkMapRun(request.required("mapRunArn"));
    JsonNode concurrency = request.body().get("maxConcurrency");
    JsonNode count = request.body().get("toleratedFailureCount");
    JsonNode percentage = request.body().get("toleratedFailurePercentage");
    atLeast(concurrency, "maxConcurrency", 0);
    atLeast(count, "toleratedFailureCount", 0);
    atLeast(percentage, "toleratedFailurePercentage", 0);
    if (percentage != null && percentage.isNumber() && percentage.asDouble() > 100) {
      throw ApiErrors.validation("1 validation error detected: Value '" + percentage.asText() + "' at "
          + "'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
    MapRun run = find(arn);
    if (!request.has("maxConcurrency") && !request.has("toleratedFailurePercentage") && !request.has("toleratedFailureCount")) {
      throw new ApiException("ValidationException",
          "At least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified");
    }
    if (!run.status().equals("RUNNING")) {
      throw new ApiException("ValidationException", "Map Run " + run.arn() + " has already completed (" + run.status()
          + ") and cannot be updated");
    }
    updates.update(run.executionArn(), run.seq() + 1, run.arn(), new MapRunUpdates.Request(
        number(concurrency) == null ? null : number(concurrency).intValue(),
        number(count) == null ? null : number(count).longValue(),
        number(percentage) == null ? null : number(percentage).doubleValue()));
    return Json.object();
  }

  private static Number number(JsonNode value) {
    if (value == null || value.isNull()) return null;
    if (!value.isNumber()) throw ApiErrors.validation("Value '" + value.asText() + "' is not a number");
    return value.numberValue();
  }

  private static void atLeast(JsonNode value, String field, int min) {
    if (value != null && value.isNumber() && value.asDouble() < min) {
      throw ApiErrors.validation("1 validation error detected: Value '" + value.asText() + "' at '" + field
          + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
    }
  }

  /** {@code arn:aws:states:R:A:mapRun:{machine}/{label}:{execution}} names its execution. */
  private MapRun find(String mapRunArn) {
    String[] parts = mapRunArn.split(":", -1);
    String machine = parts[6].substring(0, parts[6].contains("/") ? parts[6].indexOf('/') : parts[6].length());
    String executionArn = String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "execution", machine, parts[7]);
    ExecutionRecord record = store.load(executionArn).orElseThrow(() -> notFound(mapRunArn));
    List<MapRun> runs = runs(record).stream().filter(run -> run.arn().equals(mapRunArn)).toList();
    if (runs.isEmpty()) throw notFound(mapRunArn);
    return runs.get(runs.size() - 1);
  }

  private List<MapRun> runs(ExecutionRecord record) {
    List<MapRun> runs = new ArrayList<>();
    long last = record.seq() - 1;
    for (long from = 0; from <= last; ) {
      List<TransitionEvents> read = store.transitions(record.key(), from, last, false, TRANSITIONS_PER_READ);
      if (read.isEmpty()) break;
      for (TransitionEvents transition : read) {
        for (HistoryEvent event : transition.events()) {
          if (event.type().equals("MapRunStarted")) {
            runs.add(new MapRun(event.details().path("mapRunArn").asText(), record.key(), transition.seq(), event.timestamp(),
                null, record.state().isDone() ? "ABORTED" : "RUNNING"));
          } else if ((event.type().equals("MapRunSucceeded") || event.type().equals("MapRunFailed")) && !runs.isEmpty()) {
            MapRun open = runs.remove(runs.size() - 1);
            runs.add(new MapRun(open.arn(), open.executionArn(), open.seq(), open.startDate(), event.timestamp(),
                event.type().equals("MapRunSucceeded") ? "SUCCEEDED" : "FAILED"));
          }
        }
        from = transition.seq() + 1;
      }
    }
    return runs;
  }

  private static ApiException notFound(String arn) {
    return new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
  }
}
