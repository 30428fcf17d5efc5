package io.stepwise.lambda.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer CloudFormation waits for, PUT to the request's ResponseURL. CloudFormation rejects a
 * body over 4,096 bytes, so a long Reason is cut to fit (the function's log has it whole).
 */
public record CustomResourceResponse(String status, String reason, String physicalResourceId,
    CustomResourceRequest request, Map<String, String> data) {
  public static final int MAX_BODY_BYTES = 4096;
  public static final String SUCCESS = "SUCCESS";
  public static final String FAILED = "FAILED";
  private static final String CUT = " ... (cut to fit CloudFormation's 4 KB response; the function's log has it all)";

  public CustomResourceResponse {
    data = Map.copyOf(data);
  }

  public static CustomResourceResponse success(CustomResourceRequest request, String physicalResourceId,
      Map<String, String> data) {
    return new CustomResourceResponse(SUCCESS, null, physicalResourceId, request, data);
  }

  public static CustomResourceResponse failed(CustomResourceRequest request, String physicalResourceId, String reason) {
    String why = reason == null || reason.isBlank() ? "failed without a reason" : reason;
    return new CustomResourceResponse(FAILED, why, physicalResourceId, request, Map.of());
  }

  /**
   * FAILED because {@code error} was thrown while doing {@code action}: the Reason carries its message,
   * not its Java class (CloudFormation shows the Reason to the user); the function's log has the trace.
   */
  public static CustomResourceResponse failedBy(CustomResourceRequest request, String physicalResourceId,
      String action, Throwable error) {
    error.printStackTrace();
    String message = error.getMessage();
    String reason = message == null || message.isBlank()
        ? action + " failed on an internal error (the function's log has it)" : action + " failed: " + message;
    return failed(request, physicalResourceId, reason);
  }

  /** The JSON body, at most {@link #MAX_BODY_BYTES} bytes. */
  public String toJson() {
    String body = body(reason);
    int excess = body.getBytes(StandardCharsets.UTF_8).length - MAX_BODY_BYTES;
    if (excess <= 0 || reason == null) return body;
    // Cut the reason by at least the excess (in chars, which are at most as many as bytes), then re-check.
    String cut = reason;
    while (excess > 0 && !cut.isEmpty()) {
      cut = cut.substring(0, Math.max(0, cut.length() - excess - CUT.length()));
      body = body(cut + CUT);
      excess = body.getBytes(StandardCharsets.UTF_8).length - MAX_BODY_BYTES;
    }
    return body;
  }

  private String body(String reasonText) {
    ObjectNode body = Json.NODES.objectNode();
    body.put("Status", status);
    if (reasonText != null) body.put("Reason", reasonText);
    body.put("PhysicalResourceId", physicalResourceId);
    body.put("StackId", request.stackId());
    body.put("RequestId", request.requestId());
    body.put("LogicalResourceId", request.logicalResourceId());
    if (!data.isEmpty()) {
      ObjectNode out = body.putObject("Data");
      new TreeMap<>(data).forEach(out::put);
    }
    return Json.write(body);
  }
}
