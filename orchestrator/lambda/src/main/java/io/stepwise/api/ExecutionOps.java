package io.stepwise.api;

import io.stepwise.runtime.Pause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.express.ExpressStart;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.StartTargets;
import io.stepwise.runtime.StateMachineStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * StartExecution, StartSyncExecution, StopExecution, DescribeExecution, ListExecutions,
 * DescribeStateMachineForExecution and RedriveExecution.
 */
final class ExecutionOps {
  /** In the order AWS lists them when it refuses a statusFilter. */
  private static final List<String> STATUSES = List.of("SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING");

  private final Runtime runtime;
  private final ExecutionViews views;
  private final Duration syncTimeout;

  ExecutionOps(Runtime runtime, Duration syncTimeout) {
    this.runtime = runtime;
    this.views = new ExecutionViews(runtime.store());
    this.syncTimeout = syncTimeout;
  }

  JsonNode start(Request request) {
    Executions.Started started = startFrom(request);
    return Json.object().put("executionArn", started.executionArn()).set("startDate", Shapes.timestamp(started.startDate()));
  }

  /**
   * An EXPRESS machine's execution runs here, whole, and its end is the answer. Otherwise this
   * starts the execution and waits for its end, at most the configured bound (60 s by
   * default); one still running then is ended TIMED_OUT, as an Express workflow is at its
   * 5-minute limit. Standard machines are accepted too (AWS takes Express ones only). An
   * execution stopped meanwhile is reported FAILED, the statuses of a sync execution being
   * SUCCEEDED, FAILED and TIMED_OUT.
   */
  JsonNode startSync(Request request) {
    String targetArn = Arns.checkStartable(request.required("stateMachineArn"));
    ExpressStart express = runtime.executions().expressStart(targetArn, request.string("name"), request.string("input"));
    if (express != null) return ExpressResponses.startSync(runtime.express().run(express));
    String executionArn = startFrom(request).executionArn();
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    ExecutionRecord record = views.load(executionArn);
    for (long pause = 10; !record.state().isDone() && System.nanoTime() < deadline; pause = Math.min(200, pause * 2)) {
      Pause.millis(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      record = views.load(executionArn);
    }
    if (!record.state().isDone()) {
      runtime.worker().applyNow(executionArn, new Event.TimedOut());
      record = views.load(executionArn);
    }
    ObjectNode response = views.describe(record);
    response.remove(List.of("redriveCount", "redriveStatus", "redriveStatusReason"));
    if (record.state().status() == ExecutionStatus.ABORTED) response.put("status", "FAILED");
    return response;
  }

  /** Ends a running execution ABORTED; stopping one that has ended already answers its end. */
  JsonNode stop(Request request) {
    String executionArn = Arns.checkExecution(request.required("executionArn"));
    String error = request.string("error", 256);
    String cause = request.string("cause", 32768);
    runtime.worker().applyNow(executionArn, new Event.Stop(error, cause));
    return Shapes.putTime(Json.object(), "stopDate", views.stopDate(views.load(executionArn)));
  }

  JsonNode describe(Request request) {
    ExecutionRecord record = views.load(Arns.checkExecution(request.required("executionArn")));
    ObjectNode response = views.describe(record);
    if (!record.state().status().describesError()) response.remove(List.of("error", "cause"));
    return response;
  }

  /**
   * Newest first, by status if asked; {@code stopDate} is not listed (the index does not keep it).
   * Given a version's or an alias's ARN, only the executions started through it.
   */
  JsonNode list(Request request) {
    if (request.has("mapRunArn")) throw ApiErrors.validation("Stepwise does not support listing a Map Run's executions");
    String given = Arns.checkStartable(request.required("stateMachineArn"));
    String machineArn = StartTargets.QualifiedArn.parse(given).machineArn();
    boolean qualified = !given.equals(machineArn);
    String filter = request.oneOf("statusFilter", STATUSES, null);
    request.oneOf("redriveFilter", Set.of("REDRIVEN", "NOT_REDRIVEN"), null);
    int max = request.maxResults();
    String after = PageTokens.decode("ListExecutions", request.nextToken(3096));
    var latest = runtime.machines().store().latest(machineArn);
    if (latest.isEmpty()) {
      throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + given + "'");
    }
    if ("EXPRESS".equals(latest.get().type())) throw ExpressResponses.notListable();
    ArrayNode executions = Json.array();
    ObjectNode response = Json.object();
    response.set("executions", executions);
    if ("PENDING_REDRIVE".equals(filter) || "REDRIVEN".equals(request.string("redriveFilter"))) return response;
    ExecutionStatus status = filter == null ? null : ExecutionStatus.valueOf(filter);
    String cursor = after;
    do {
      ExecutionStore.ExecutionPage page = runtime.store().executions(machineArn, status, cursor, max - executions.size());
      for (ExecutionStore.ExecutionSummary execution : page.executions()) {
        ObjectNode item = Json.object().put("executionArn", execution.executionArn())
            .put("stateMachineArn", execution.stateMachineArn()).put("name", execution.name())
            .put("status", execution.status().name());
        item.set("startDate", Shapes.timestamp(execution.startDate()));
        if (qualified) {
          ExecutionRecord.Origin origin = runtime.store().load(execution.executionArn()).map(ExecutionRecord::origin).orElse(null);
          if (origin == null || !(given.equals(origin.versionArn()) || given.equals(origin.aliasArn()))) continue;
          putOrigin(item, origin);
        }
        executions.add(item);
      }
      cursor = page.nextCursor();
    } while (qualified && cursor != null && executions.size() < max);
    return Shapes.putText(response, "nextToken", PageTokens.encode("ListExecutions", cursor));
  }

  static void putOrigin(ObjectNode node, ExecutionRecord.Origin origin) {
    if (origin == null) return;
    node.put("stateMachineVersionArn", origin.versionArn());
    Shapes.putText(node, "stateMachineAliasArn", origin.aliasArn());
  }

  /** The version the execution runs, which outlives later updates and the machine's deletion. */
  JsonNode describeStateMachine(Request request) {
    ExecutionRecord record = views.load(Arns.checkExecution(request.required("executionArn")));
    StateMachineStore.Described described = runtime.machines().store()
        .describe(record.stateMachineArn(), record.machineVersion())
        .orElseThrow(() -> new IllegalStateException("version " + record.machineVersion() + " of "
            + record.stateMachineArn() + " is not stored"));
    StateMachineStore.StateMachineRecord machine = described.machine();
    ObjectNode response = Json.object().put("stateMachineArn", machine.arn()).put("name", machine.name())
        .put("definition", machine.definition()).put("roleArn", machine.roleArn());
    Shapes.putTime(response, "updateDate", described.updateDate());
    return response.put("revisionId", Integer.toString(machine.version()));
  }

  /**
   * Runs a FAILED, TIMED_OUT or ABORTED execution again from the state it stopped in; a
   * Parallel or Map that failed runs all its branches or iterations again.
   */
  JsonNode redrive(Request request) {
    String executionArn = Arns.checkExecution(request.required("executionArn"));
    ExecutionRecord record = views.load(executionArn);
    if (!runtime.worker().redrive(executionArn)) {
      throw new ApiException("ExecutionNotRedrivable", "Execution is " + record.state().status() + " and cannot be redriven");
    }
    return Shapes.putTime(Json.object(), "redriveDate", java.time.Instant.now());
  }

  private Executions.Started startFrom(Request request) {
    String machineArn = Arns.checkNotMapLabel(Arns.checkStartable(request.required("stateMachineArn")));
    String name = request.string("name");
    return runtime.executions().start(machineArn, name, request.string("input"));
  }

}
