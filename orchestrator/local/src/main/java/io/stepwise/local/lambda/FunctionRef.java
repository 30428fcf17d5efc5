package io.stepwise.local.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function an Invoke names: a name, a full ARN or a partial ARN ({@code ACCOUNT:function:NAME}),
 * each optionally with {@code :QUALIFIER}, plus the {@code Qualifier} query parameter.
 */
record FunctionRef(String name, String qualifier, String region, String accountId) {
  // Lambda's own pattern for FunctionName on Invoke.
  private static final Pattern FUNCTION_NAME = Pattern.compile(
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d:)?(\\d{12}:)?(function:)?"
          + "([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

  /** Reads {@code functionName} and the optional {@code Qualifier} parameter, as Lambda validates them. */
  static FunctionRef parse(String functionName, String qualifierParameter) {
    Matcher m = FUNCTION_NAME.matcher(functionName == null ? "" : functionName);
    if (!m.matches()) {
      throw new LambdaApiException(400, "ValidationException", "1 validation error detected: Value '" + functionName
          + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
          + FUNCTION_NAME.pattern());
    }
    String derived = m.group(9);
    String qualifier = qualifierParameter == null || qualifierParameter.isEmpty() ? derived : qualifierParameter;
    if (derived != null && !derived.equals(qualifier)) {
      throw new LambdaApiException(400, "InvalidParameterValueException",
          "The derived qualifier from the function name does not match the specified qualifier.");
    }
    String region = m.group(3) == null ? null : m.group(3).substring(0, m.group(3).length() - 1);
    String account = m.group(5) == null ? null : m.group(5).substring(0, 12);
    return new FunctionRef(m.group(7), qualifier, region, account);
  }

  /**
   * The ARN as invoked, which Lambda reports in the handler's context and in errors: the caller's
   * region and account where the name gave none, the qualifier only when one was given.
   */
  String invokedArn(String defaultRegion, String defaultAccountId) {
    return "arn:aws:lambda:" + (region != null ? region : defaultRegion) + ":"
        + (accountId != null ? accountId : defaultAccountId) + ":function:" + name
        + (qualifier != null ? ":" + qualifier : "");
  }
}
