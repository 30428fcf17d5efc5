package io.stepwise.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.Set;

/**
 * One Lambda Invoke call, read from a Task's evaluated Parameters (or Arguments), with Step
 * Functions' rules: only Invoke's own fields, string fields as text, and the payload as
 * {@link #payloadText} says.
 */
public record InvokeParameters(
    String functionName, String payload, String invocationType, String logType, String clientContext, String qualifier) {

  /**
   * Invoke's fields as {@code arn:aws:states:::lambda:invoke} accepts them. LogType is outside
   * the documented set but AWS accepts it (case lambda_task_service__invoke_unsupported_param)
   * and then returns LogResult.
   */
  static final Set<String> SUPPORTED =
      Set.of("ClientContext", "FunctionName", "InvocationType", "LogType", "Payload", "Qualifier");

  /** The Parameters of an {@code arn:aws:states:::lambda:invoke} Task; bad ones fail as States.Runtime. */
  public static InvokeParameters fromService(JsonNode parameters) {
    if (parameters == null || !parameters.isObject()) {
      throw StatesError.runtime("The Parameters of a lambda:invoke Task must be a JSON object, but were "
          + Json.typeName(parameters));
    }
    for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!SUPPORTED.contains(name)) {
        // AWS rejects these when the state machine is created; fields computed at run time
        // (JSONata Arguments) can only be caught here.
        throw StatesError.runtime("The field \"" + name + "\" is not supported by Step Functions");
      }
    }
    String functionName = text(parameters, "FunctionName");
    if (functionName == null || functionName.isEmpty()) {
      throw StatesError.runtime("The field \"FunctionName\" is required but was missing");
    }
    return new InvokeParameters(functionName, payloadText(parameters.get("Payload")),
        text(parameters, "InvocationType"), text(parameters, "LogType"),
        text(parameters, "ClientContext"), text(parameters, "Qualifier"));
  }

  /** A Task whose Resource is the function's ARN: the whole effective input, as JSON, is the payload. */
  public static InvokeParameters forFunctionArn(String functionArn, JsonNode input) {
    String payload = input == null || input.isNull() || input.isMissingNode() ? "{}" : Json.write(input);
    return new InvokeParameters(functionArn, payload, "RequestResponse", null, null, null);
  }

  /**
   * The bytes Lambda receives for a {@code Payload} value:
   * <ul>
   *   <li>a string holding JSON text is sent as that text, so {@code "{\"a\":1}"} arrives as an
   *       object (Step Functions hands strings to the SDK's string payload; LocalStack, checked
   *       against AWS, does the same, case lambda_task_service__invoke_bytes_payload). This is
   *       what makes {@code "Payload": "${Payload}"} with DefinitionSubstitutions work;
   *   <li>any other string is sent as a JSON string;
   *   <li>other JSON values are sent as their compact JSON;
   *   <li>a missing or null payload is sent as {@code {}}: AWS hands the function an empty
   *       object then (case lambda_task_service__invoke_unsupported_param, whose echo function
   *       answers {@code {}} to a null Payload).
   * </ul>
   */
  public static String payloadText(JsonNode payload) {
    if (payload == null || payload.isNull() || payload.isMissingNode()) return "{}";
    if (payload.isTextual() && isJson(payload.textValue())) return payload.textValue();
    return Json.write(payload);
  }

  private static boolean isJson(String text) {
    try {
      return !Json.parse(text).isMissingNode();
    } catch (IllegalArgumentException notJson) {
      return false;
    }
  }

  /** A string field's text; other JSON values as their JSON text, as Step Functions coerces them. */
  private static String text(JsonNode parameters, String field) {
    JsonNode value = parameters.get(field);
    if (value == null || value.isNull()) return null;
    return value.isTextual() ? value.textValue() : Json.write(value);
  }
}
