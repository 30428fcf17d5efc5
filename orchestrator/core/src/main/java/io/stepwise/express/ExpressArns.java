package io.stepwise.express;

/**
 * The ARN of an Express execution: {@code arn:aws:states:REGION:ACCOUNT:express:MACHINE:NAME:ID},
 * as Step Functions forms it. The id sets apart runs that share a name, which Express allows.
 */
public final class ExpressArns {
  private ExpressArns() {}

  public static String executionArn(String stateMachineArn, String name, String id) {
    return stateMachineArn.replace(":stateMachine:", ":express:") + ":" + name + ":" + id;
  }

  /** True for an Express execution's ARN (its resource type is {@code express}). */
  public static boolean isExpress(String executionArn) {
    String[] parts = executionArn.split(":", 7);
    return parts.length > 5 && "express".equals(parts[5]);
  }
}
