package io.stepwise.engine;

/**
 * A Task's Resource ARN, read into what history and runtimes need: a service integration
 * ({@code arn:aws:states:::lambda:invoke.waitForTaskToken}, {@code arn:aws:states:::aws-sdk:s3:getObject}
 * with service {@code aws-sdk:s3}), a bare Lambda function ARN, or an
 * activity ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}).
 */
public record Resource(String arn, String service, String action, String pattern, String region, boolean isLegacyLambda) {
  public static Resource parse(String arn) {
    String[] parts = arn.split(":", 7);
    if (parts.length >= 7 && "lambda".equals(parts[2]) && "function".equals(parts[5])) {
      return new Resource(arn, "lambda", "invoke", "", parts[3], true);
    }
    if (parts.length >= 7 && "states".equals(parts[2]) && "activity".equals(parts[5])) {
      return new Resource(arn, "activity", parts[6], "", parts[3], false);
    }
    if (parts.length >= 7 && "states".equals(parts[2])) {
      String region = parts[3];
      String service = parts[5];
      String action = parts[6];
      int sdkService = action.indexOf(':');
      if (service.equals("aws-sdk") && sdkService > 0) {
        // AWS names an SDK integration by its service: resourceType "aws-sdk:s3", resource "getObject".
        service = service + ":" + action.substring(0, sdkService);
        action = action.substring(sdkService + 1);
      }
      String pattern = "";
      int dot = action.indexOf('.');
      if (dot >= 0) {
        pattern = action.substring(dot + 1);
        action = action.substring(0, dot);
      }
      return new Resource(arn, service, action, pattern, region, false);
    }
    return new Resource(arn, parts.length > 2 ? parts[2] : arn, "", "", parts.length > 3 ? parts[3] : "", false);
  }

  /** A worker polls GetActivityTask for the task and answers with SendTask*. */
  public boolean isActivity() {
    return service.equals("activity");
  }

  public boolean waitsForTaskToken() {
    return "waitForTaskToken".equals(pattern);
  }

  /** {@code .sync} or {@code .sync:2}: run the job and wait for it to finish. */
  public boolean isSync() {
    return pattern.startsWith("sync");
  }

  /**
   * The call's answer is not the task's outcome, which comes later (a callback, the job's end):
   * Step Functions records the answer as {@code TaskSubmitted} when the call returns.
   */
  public boolean submitsFirst() {
    return waitsForTaskToken() || isSync();
  }
}
