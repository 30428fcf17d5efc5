package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateBase;
import io.stepwise.aws.http.HttpTaskInvoker;
import io.stepwise.driver.StateTest;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.StateInspection;
import io.stepwise.eval.StatesError;
import io.stepwise.integrations.http.HttpRequest;
import io.stepwise.integrations.http.HttpResults;
import io.stepwise.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * TestState's {@code inspectionData} at DEBUG and TRACE: the data after each processing step
 * (InputPath, Parameters or Arguments, the result, ResultSelector, ResultPath), the variables,
 * which Retry or Catch took the error, and at TRACE the HTTP Task's request and response.
 */
final class TestStateInspection {
  private TestStateInspection() {}

  /**
   * @param exchange the HTTP Task's exchange (TRACE, not mocked), or null
   * @param revealSecrets whether the request may show what the connection added
   */
  static ObjectNode of(State state, ExecutionInfo info, Map<String, JsonNode> variablesBefore, Instant now,
      StateTest.Result result, HttpTaskInvoker.Exchange exchange, boolean revealSecrets) {
    JsonNode input = info.input();
    StateBase base = state.base();
    ObjectNode data = Json.object().put("input", Json.write(input));
    String afterParameters = scheduledPayload(result.history());
    JsonNode taskResult = taskResult(result.history());
    if (base.isJsonata()) {
      if (afterParameters != null) data.put("afterArguments", afterParameters);
      if (taskResult != null) data.put("result", Json.write(taskResult));
    } else {
      StateInspection steps = new StateInspection(base, input, context(info, base.name(), now), variablesBefore, now);
      put(data, "afterInputPath", steps::afterInputPath);
      if (afterParameters != null) data.put("afterParameters", afterParameters);
      if (taskResult != null) {
        data.put("result", Json.write(taskResult));
        JsonNode selected = put(data, "afterResultSelector", () -> steps.afterResultSelector(taskResult));
        if (selected != null) put(data, "afterResultPath", () -> steps.afterResultPath(selected));
      }
    }
    ObjectNode errorDetails = errorDetails(base, result);
    if (!errorDetails.isEmpty()) data.set("errorDetails", errorDetails);
    ObjectNode variables = Json.object();
    result.variables().forEach(variables::set);
    data.put("variables", Json.write(variables));
    if (exchange != null) http(data, exchange, revealSecrets);
    return data;
  }

  /** A step's value, put as JSON text; null (and nothing put) when the step itself fails. */
  private static JsonNode put(ObjectNode data, String field, Supplier<JsonNode> step) {
    try {
      JsonNode value = step.get();
      data.put(field, Json.write(value));
      return value;
    } catch (StatesError e) {
      return null;
    }
  }

  private static String scheduledPayload(List<HistoryEvent> history) {
    for (HistoryEvent event : history) {
      if (event.type().endsWith("Scheduled") && event.payload() != null) return event.payload();
    }
    return null;
  }

  private static JsonNode taskResult(List<HistoryEvent> history) {
    for (HistoryEvent event : history) {
      if (event.type().endsWith("Succeeded") && "output".equals(event.payloadField()) && event.details() != null
          && event.details().has("resourceType")) {
        return Json.parse(event.payload());
      }
    }
    return null;
  }

  /** Which Retry (and its interval) or which Catch took the state's error. */
  private static ObjectNode errorDetails(StateBase base, StateTest.Result result) {
    ObjectNode details = Json.object();
    if (result.error() == null) return details;
    if (result.status() == StateTest.Status.RETRIABLE) {
      for (int i = 0; i < base.retry().size(); i++) {
        if (base.retry().get(i).matches(result.error())) {
          details.put("retryIndex", i);
          break;
        }
      }
      if (result.retryDelaySeconds() != null) details.put("retryBackoffIntervalSeconds", result.retryDelaySeconds());
    }
    if (result.status() == StateTest.Status.CAUGHT_ERROR) {
      for (int i = 0; i < base.catchers().size(); i++) {
        if (base.catchers().get(i).matches(result.error())) {
          details.put("catchIndex", i);
          break;
        }
      }
    }
    return details;
  }

  /** The context object of the test's one-state execution ({@code $$}). */
  private static JsonNode context(ExecutionInfo info, String stateName, Instant now) {
    ObjectNode context = Json.object();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", info.executionArn()).set("Input", info.input());
    execution.put("Name", info.name()).put("RoleArn", info.roleArn()).put("StartTime", info.startTime().toString());
    context.putObject("State").put("Name", stateName).put("EnteredTime", now.toString());
    context.putObject("StateMachine").put("Id", info.stateMachineArn()).put("Name", info.stateMachineName());
    return context;
  }

  /** TRACE: the raw HTTP request and response; without revealSecrets, nothing the connection added. */
  private static void http(ObjectNode data, HttpTaskInvoker.Exchange exchange, boolean revealSecrets) {
    HttpRequest request = revealSecrets ? exchange.request() : exchange.requestWithoutConnection();
    if (request != null) {
      data.putObject("request").put("protocol", URI.create(request.url()).getScheme()).put("method", request.method())
          .put("url", request.url()).put("headers", headers(request.headers()))
          .put("body", request.body() == null ? "" : request.bodyText());
    }
    HttpResults.Response response = exchange.response();
    if (response != null) {
      data.putObject("response").put("protocol", URI.create(exchange.request().url()).getScheme())
          .put("statusCode", Integer.toString(response.status()))
          .put("statusMessage", response.statusText() == null ? "" : response.statusText())
          .put("headers", headers(response.headers())).put("body", response.bodyText());
    }
  }

  private static String headers(Map<String, List<String>> headers) {
    return headers.entrySet().stream().filter(e -> e.getKey() != null)
        .map(e -> e.getKey() + ": " + String.join(",", e.getValue())).collect(Collectors.joining(", ", "[", "]"));
  }
}
