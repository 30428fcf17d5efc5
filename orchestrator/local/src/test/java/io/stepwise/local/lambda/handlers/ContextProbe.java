package io.stepwise.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports what its Context says, so tests can check the host's Context. */
public class ContextProbe implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("functionName", context.getFunctionName());
    seen.put("functionVersion", context.getFunctionVersion());
    seen.put("invokedFunctionArn", context.getInvokedFunctionArn());
    seen.put("awsRequestId", context.getAwsRequestId());
    seen.put("logGroupName", context.getLogGroupName());
    seen.put("memoryLimitInMB", context.getMemoryLimitInMB());
    seen.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
    if (context.getClientContext() != null) {
      seen.put("custom", context.getClientContext().getCustom());
      seen.put("env", context.getClientContext().getEnvironment());
      if (context.getClientContext().getClient() != null) seen.put("appTitle", context.getClientContext().getClient().getAppTitle());
    }
    return seen;
  }
}
