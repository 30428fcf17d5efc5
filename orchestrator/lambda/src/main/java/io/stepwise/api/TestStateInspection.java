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
   * @param context the context the request gave ({@code $$}), or null for the test's own
   * @param exchange the HTTP Task's exchange (TRACE, not mocked), or null
   * @param revealSecrets whether the request may show what the connection added
   * @param retriesGiven whether the request set retrierRetryCount: the Retry that took the error is
   *     named even when its attempts are used up
   */
  static ObjectNode of(State state, ExecutionInfo info, ObjectNode context, Map<String, JsonNode> variablesBefore, Instant now,
      StateTest.Result result, HttpTaskInvoker.Exchange exchange, boolean revealSecrets, boolean retriesGiven) {
    JsonNode input = info.input();
    StateBase base = state.base();
    ObjectNode data = Json.object().put("input", Json.write(input));
    String afterParameters = scheduledPayload(result.history());
    JsonNode taskResult = taskResult(result.history());
    StateInspection steps = StateInspection.of(state, info, context, variablesBefore, now);
    if (base.isJsonata()) {
      if (afterParameters != null) data.put("afterArguments", afterParameters);
      if (taskResult != null) data.put("result", Json.write(taskResult));
    } else if (state instanceof State.Pass pass) {
      // A Pass with a Result shows that result in place of its input's steps.
      if (pass.result() == null) {
        put(data, "afterInputPath", steps::afterInputPath);
        put(data, "afterParameters", steps::afterParameters);
      } else {
        data.put("result", Json.write(pass.result()));
      }
      if (result.error() == null) afterResult(data, steps, pass.result() != null ? pass.result() : steps.afterParameters());
    } else {
      put(data, "afterInputPath", steps::afterInputPath);
      if (state instanceof State.Map map) put(data, "afterItemsPath", () -> steps.afterItemsPath(map));
      if (afterParameters != null) data.put("afterParameters", afterParameters);
      if (taskResult != null) data.put("result", Json.write(taskResult));
      JsonNode childResults = taskResult != null ? taskResult : childResults(state, result);
      if (childResults != null) afterResult(data, steps, childResults);
    }
    if (state instanceof State.Map map) limits(data, steps, map);
    ObjectNode errorDetails = errorDetails(base, result, retriesGiven);
    if (!errorDetails.isEmpty()) data.set("errorDetails", errorDetails);
    if (!result.variables().isEmpty()) {
      ObjectNode variables = Json.object();
      result.variables().forEach(variables::set);
      data.put("variables", Json.write(variables));
    }
    if (exchange != null) http(data, exchange, revealSecrets);
    return data;
  }

  private static void afterResult(ObjectNode data, StateInspection steps, JsonNode result) {
    JsonNode selected = put(data, "afterResultSelector", () -> steps.afterResultSelector(result));
    if (selected != null) put(data, "afterResultPath", () -> steps.afterResultPath(selected));
  }

  /** A mocked Map's or Parallel's results, when it succeeded with them. */
  private static JsonNode childResults(State state, StateTest.Result result) {
    if (!(state instanceof State.Map || state instanceof State.Parallel) || result.error() != null) return null;
    return result.childResults();
  }

  /** A Map's MaxConcurrency (0 when unbounded), and its ToleratedFailure* where it declares them. */
  private static void limits(ObjectNode data, StateInspection steps, State.Map map) {
    JsonNode concurrency = value(() -> steps.limit(map.maxConcurrency()));
    data.put("maxConcurrency", concurrency != null && concurrency.isNumber() ? concurrency.asLong() : 0);
    JsonNode count = value(() -> steps.limit(map.toleratedFailureCount()));
    if (count != null && count.isNumber()) data.put("toleratedFailureCount", count.asLong());
    JsonNode percentage = value(() -> steps.limit(map.toleratedFailurePercentage()));
    if (percentage != null && percentage.isNumber()) data.put("toleratedFailurePercentage", percentage.asDouble());
  }

  private static JsonNode value(Supplier<JsonNode> step) {
    try {
      return step.get();
    } catch (StatesError e) {
      return null;
    }
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
  private static ObjectNode errorDetails(StateBase base, StateTest.Result result, boolean retriesGiven) {
    ObjectNode details = Json.object();
    if (result.error() == null) return details;
    if (result.status() == StateTest.Status.RETRIABLE || retriesGiven) {
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
