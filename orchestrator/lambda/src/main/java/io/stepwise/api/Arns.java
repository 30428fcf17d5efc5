package io.stepwise.api;

import io.stepwise.runtime.ApiException;
import java.util.regex.Pattern;

/**
 * The ARNs of one region and account: {@code arn:aws:states:{region}:{account}:stateMachine:{name}},
 * its versions and aliases ({@code ...:stateMachine:{name}:{number|alias}}),
 * {@code ...:execution:{machine}:{name}}, {@code ...:activity:{name}} and
 * {@code ...:mapRun:{machine}/{label}:{id}}. Malformed ones are {@code InvalidArn}.
 */
record Arns(String region, String accountId) {
  private static final String PREFIX = "arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:";
  private static final Pattern MACHINE = Pattern.compile(PREFIX + "stateMachine:[^:]+");
  private static final Pattern VERSION = Pattern.compile(PREFIX + "stateMachine:[^:]+:\\d+");
  private static final Pattern ALIAS = Pattern.compile(PREFIX + "stateMachine:[^:]+:(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]+");
  /** A Distributed Map state's ARN: the machine's and the Map's label after a '/'. */
  private static final Pattern MAP_LABEL = Pattern.compile(PREFIX + "stateMachine:[^:/]+/[^:]+");
  private static final Pattern EXECUTION = Pattern.compile(PREFIX + "(execution|express):[^:]+:[^:]+");
  private static final Pattern ACTIVITY = Pattern.compile(PREFIX + "activity:[^:]+");
  private static final Pattern MAP_RUN = Pattern.compile(PREFIX + "mapRun:[^:]+:[^:]+");
  /** Step Functions' name rule: 1-80 characters, none of whitespace, brackets, wildcards, special characters. */
  private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");
  private static final Pattern ALIAS_NAME = Pattern.compile("^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");

  String stateMachine(String name) {
    return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
  }

  String activity(String name) {
    return "arn:aws:states:" + region + ":" + accountId + ":activity:" + name;
  }

  static String checkName(String name) {
    if (!NAME.matcher(name).matches()) throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    return name;
  }

  /** An alias's name: 1-80 of letters, digits, '_', '-', '.', not all digits (that would read as a version). */
  static String checkAliasName(String name) {
    if (name.length() > 80) {
      throw ApiErrors.validation("Value '" + name + "' at 'name' failed to satisfy constraint: "
          + "Member must have length less than or equal to 80");
    }
    if (!ALIAS_NAME.matcher(name).matches()) {
      throw ApiErrors.validation("Value '" + name + "' at 'name' failed to satisfy constraint: "
          + "Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");
    }
    return name;
  }

  static String checkStateMachine(String arn) {
    if (!MACHINE.matcher(arn).matches()) throw invalid(arn, "stateMachine");
    return arn;
  }

  /** A machine's, a version's or an alias's ARN: what StartExecution and ListExecutions take. */
  static String checkStartable(String arn) {
    if (!MACHINE.matcher(arn).matches() && !VERSION.matcher(arn).matches() && !ALIAS.matcher(arn).matches()) {
      throw invalid(arn, "stateMachine");
    }
    return arn;
  }

  /**
   * A machine's ARN, not a Distributed Map state's: "If you provide a qualified state machine ARN
   * that refers to a Distributed Map state, the request fails with ValidationException"
   * (DescribeStateMachine, DeleteStateMachine and StartExecution in the API reference).
   */
  static String checkNotMapLabel(String arn) {
    if (MAP_LABEL.matcher(arn).matches()) {
      throw ApiErrors.refused("A qualified state machine ARN that refers to a Distributed Map state is not valid here: '" + arn + "'");
    }
    return arn;
  }

  static boolean isVersion(String arn) {
    return VERSION.matcher(arn).matches();
  }

  static boolean isMachine(String arn) {
    return MACHINE.matcher(arn).matches();
  }

  static String checkVersion(String arn) {
    if (!VERSION.matcher(arn).matches()) throw invalid(arn, "stateMachine");
    return arn;
  }

  static String checkAlias(String arn) {
    if (!ALIAS.matcher(arn).matches()) throw invalid(arn, "stateMachine");
    return arn;
  }

  static String checkExecution(String arn) {
    if (!EXECUTION.matcher(arn).matches()) throw invalid(arn, "execution");
    return arn;
  }

  static String checkActivity(String arn) {
    if (!ACTIVITY.matcher(arn).matches()) throw invalid(arn, "activity");
    return arn;
  }

  static String checkMapRun(String arn) {
    if (!MAP_RUN.matcher(arn).matches()) throw invalid(arn, "mapRun");
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
    return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
  }
}
