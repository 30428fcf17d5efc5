package io.stepwise.functions;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** A Lambda Context for one function (aws-lambda-java-tests 1.1.2 ships none). */
record TestContext(String functionName) implements Context {
  static TestContext of(String functionName) {
    return new TestContext(functionName);
  }

  @Override public String getAwsRequestId() { return "00000000-0000-0000-0000-000000000000"; }
  @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
  @Override public String getLogStreamName() { return "test"; }
  @Override public String getFunctionName() { return functionName; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
  }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 25_000; }
  @Override public int getMemoryLimitInMB() { return 512; }

  @Override public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.out.print(message); }
      @Override public void log(byte[] message) { log(new String(message, StandardCharsets.UTF_8)); }
    };
  }
}
