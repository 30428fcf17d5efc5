package io.stepwise.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.integrations.SdkHttpMetadata;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Pure mapping of a Lambda Invoke response into what a Step Functions Task returns. */
public final class InvokeResults {
  /** Error name when the function failed without naming an errorType (out of memory, crashes). */
  public static final String LAMBDA_UNKNOWN = "Lambda.Unknown";

  /**
   * Header names as AWS's Lambda front end spells them. Step Functions shows them with this
   * casing in SdkHttpMetadata; HTTP stacks (the JDK's among them) may re-case names on the way,
   * so known names are restored and unknown ones kept as received.
   */
  private static final Map<String, String> CANONICAL = Stream.of(
          "Connection", "Content-Length", "Content-Type", "Date", "X-Amz-Executed-Version",
          "X-Amz-Function-Error", "X-Amz-Log-Result", "X-Amzn-Trace-Id", "x-amzn-Remapped-Content-Length",
          "x-amzn-RequestId", "x-amzn-ErrorType")
      .collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), Function.identity()));

  private InvokeResults() {}

  /** The function's response: its JSON when it is JSON, else the raw text (an empty body is ""). */
  public static JsonNode payload(String text) {
    if (text == null || text.isEmpty()) return Json.text("");
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException notJson) {
      return Json.text(text);
    }
  }

  /**
   * The result of {@code arn:aws:states:::lambda:invoke}: the Invoke response as Step Functions'
   * Java SDK v1 client shows it. ExecutedVersion and LogResult appear only when Lambda sent them.
   */
  public static ObjectNode serviceResult(int statusCode, Map<String, List<String>> headers, String executedVersion,
      String logResult, JsonNode payload, String requestId) {
    ObjectNode result = Json.object();
    if (executedVersion != null) result.put("ExecutedVersion", executedVersion);
    if (logResult != null) result.put("LogResult", logResult);
    result.set("Payload", payload);
    result.set("SdkHttpMetadata", SdkHttpMetadata.of(statusCode, headers, InvokeResults::canonicalHeader));
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    result.put("StatusCode", statusCode);
    return result;
  }

  public static String canonicalHeader(String name) {
    return CANONICAL.getOrDefault(name.toLowerCase(Locale.ROOT), name);
  }

  /**
   * A function error (X-Amz-Function-Error set): the error is the payload's errorType, as every
   * Lambda runtime writes it; without one, Lambda.Unknown. Through {@code lambda:invoke} the cause
   * is the payload as compact JSON (cases task_lambda__raise_exception, base_scenarios__lambda_empty_retry);
   * for a function ARN resource it is the payload as the function returned it, a Python runtime's
   * spaces included (AWS's test_task_lambda catch recordings); raw text when it is not JSON.
   */
  public static TaskOutcome functionError(String payloadText, boolean asReturned) {
    JsonNode payload = payload(payloadText);
    JsonNode type = payload.isObject() ? payload.get("errorType") : null;
    String error = type != null && type.isTextual() && !type.textValue().isEmpty() ? type.textValue() : LAMBDA_UNKNOWN;
    String cause = payload.isTextual() ? payload.textValue() : asReturned ? payloadText : Json.write(payload);
    return TaskOutcome.failure(error, cause);
  }
}
