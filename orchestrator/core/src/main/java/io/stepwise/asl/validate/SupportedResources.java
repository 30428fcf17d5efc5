package io.stepwise.asl.validate;

import java.util.regex.Pattern;

/** The Task resources Stepwise can run; any other fails validation, naming the resource. */
final class SupportedResources {
  private static final Pattern SUPPORTED = Pattern.compile(
      "arn:aws[a-z-]*:states:::lambda:invoke(\\.waitForTaskToken)?"
          + "|arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?"
          + "|arn:aws[a-z-]*:states:::sqs:sendMessage(\\.waitForTaskToken)?"
          + "|arn:aws[a-z-]*:states:::dynamodb:(getItem|putItem|updateItem|deleteItem)"
          + "|arn:aws[a-z-]*:states:::states:startExecution(\\.sync(:2)?|\\.waitForTaskToken)?"
          + "|arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:activity:[^:\\s]{1,80}");

  static final String LIST = "arn:aws:states:::lambda:invoke[.waitForTaskToken], Lambda function ARNs, "
      + "arn:aws:states:::sqs:sendMessage[.waitForTaskToken], "
      + "arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem, "
      + "arn:aws:states:::states:startExecution[.sync|.sync:2|.waitForTaskToken], "
      + "activities (arn:aws:states:REGION:ACCOUNT:activity:NAME)";

  private SupportedResources() {}

  static boolean isSupported(String resource) {
    return SUPPORTED.matcher(resource).matches();
  }
}
