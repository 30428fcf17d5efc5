package io.stepwise.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.stepwise.json.Json;
import io.stepwise.runtime.Executions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts executions from a direct invoke or an EventBridge schedule, whose rule's fixed input is
 * {@code {"stateMachineArn": ..., "name": optional, "input": {...}}}.
 */
public final class StartHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Executions executions;

  public StartHandler() {
    this(LambdaEnvironment.runtime().executions());
    Priming.register();
  }

  public StartHandler(Executions executions) {
    this.executions = executions;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> request, Context context) {
    Object arn = request.get("stateMachineArn");
    if (!(arn instanceof String)) {
      throw new IllegalArgumentException("the start request needs \"stateMachineArn\" (and optional \"name\", \"input\")");
    }
    Object input = request.get("input");
    String inputText = input == null ? null : input instanceof String text ? text : Json.mapper().valueToTree(input).toString();
    Executions.Started started = executions.start((String) arn, (String) request.get("name"), inputText);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("executionArn", started.executionArn());
    response.put("startDate", started.startDate().toEpochMilli() / 1000.0);
    return response;
  }
}
