package io.stepwise.api;

import io.stepwise.runtime.ApiException;
import java.util.regex.Pattern;

/**
 * The ARNs of one region and account: {@code arn:aws:states:{region}:{account}:stateMachine:{name}}
 * and {@code ...:execution:{machine}:{name}}. Malformed ones are {@code InvalidArn}; versions and
 * aliases ({@code ...:stateMachine:{name}:{qualifier}}) are not supported.
 */
record Arns(String region, String accountId) {
  private static final Pattern MACHINE = Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:stateMachine:[^:]+");
  private static final Pattern EXECUTION =
      Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:(execution|express):[^:]+:[^:]+");
  /** Step Functions' name rule: 1-80 characters, none of whitespace, brackets, wildcards, special characters. */
  private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  String stateMachine(String name) {
    return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
  }

  static String checkName(String name) {
    if (!NAME.matcher(name).matches()) throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    return name;
  }

  static String checkStateMachine(String arn) {
    if (!MACHINE.matcher(arn).matches()) throw invalid(arn, "stateMachine");
    return arn;
  }

  static String checkExecution(String arn) {
    if (!EXECUTION.matcher(arn).matches()) throw invalid(arn, "execution");
    return arn;
  }

  /** A role ARN is only checked to be an ARN: nothing here assumes a role. */
  static String checkRole(String arn) {
    if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
      throw new ApiException("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
    }
    return arn;
  }

  private static ApiException invalid(String arn, String expected) {
    String[] parts = arn.split(":", -1);
    if (!arn.startsWith("arn:") || parts.length < 7) {
      return new ApiException("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
    }
    if (!parts[5].equals(expected)) {
      return new ApiException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + parts[5] + "'");
    }
    if (parts.length > 7 && expected.equals("stateMachine")) {
      return new ApiException("InvalidArn", "Invalid Arn: 'Stepwise does not support state machine versions or aliases: "
          + arn + "'");
    }
    return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
  }
}
