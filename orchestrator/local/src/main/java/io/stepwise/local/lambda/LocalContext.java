package io.stepwise.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The handler's Context for one invocation; remaining time counts down to the function's timeout. */
record LocalContext(String getAwsRequestId, String getFunctionName, String getInvokedFunctionArn, String getLogStreamName,
    int getMemoryLimitInMB, ClientContext getClientContext, LambdaLogger getLogger, long deadlineMillis, String getXrayTraceId)
    implements Context {

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + getFunctionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }
}
