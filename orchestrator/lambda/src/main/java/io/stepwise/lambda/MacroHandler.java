package io.stepwise.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.templates.StepwiseMacro;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Stepwise} CloudFormation macro's function: {@code {requestId, fragment, ...}} in,
 * {@code {requestId, status, fragment}} out (or {@code status: failure} with every problem in
 * {@code errorMessage}, which fails the deploy before anything is created).
 */
public final class MacroHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final StepwiseMacro macro;

  public MacroHandler() {
    this(new StepwiseMacro(new StepwiseMacro.Settings(required("STEPWISE_STATE_MACHINE_SERVICE_TOKEN"),
        required("STEPWISE_START_FUNCTION_ARN"), List.of(required("STEPWISE_TASK_ROLE_TRUST_ARNS").split(",")))));
  }

  public MacroHandler(StepwiseMacro macro) {
    this.macro = macro;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("requestId", event.get("requestId"));
    JsonNode fragment = Json.mapper().valueToTree(event.get("fragment"));
    if (!(fragment instanceof ObjectNode object)) {
      response.put("status", "failure");
      response.put("errorMessage", "Stepwise macro: the fragment is not a template object");
      return response;
    }
    StepwiseMacro.Result result = macro.transform(object);
    response.put("status", result.ok() ? "success" : "failure");
    response.put("fragment", Json.mapper().convertValue(result.fragment(), Map.class));
    if (!result.ok()) {
      response.put("errorMessage", "Stepwise cannot deploy these state machine properties: "
          + String.join("; ", result.problems()));
    }
    return response;
  }

  private static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) throw new IllegalStateException(variable + " is not set");
    return value;
  }
}
