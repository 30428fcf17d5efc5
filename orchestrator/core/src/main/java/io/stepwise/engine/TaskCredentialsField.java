package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.PayloadTemplate;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;

/**
 * A Task's {@code Credentials} field, evaluated like Step Functions does: against the state's raw
 * input, context and variables ({@code "RoleArn"}, {@code "RoleArn.$"} with a path or an
 * intrinsic, or a JSONata expression). The role it names is assumed by the machine's role.
 */
final class TaskCredentialsField {
  /** TaskCredentials.roleArn's length limit in the Step Functions API. */
  static final int MAX_ROLE_ARN_LENGTH = 2000;

  private TaskCredentialsField() {}

  /** @return the role ARN, or null when the Task has no Credentials field */
  static String roleArn(JsonNode field, Scope raw) {
    if (field == null) return null;
    JsonNode value = PayloadTemplate.compile(field).evaluate(raw).get("RoleArn");
    if (!validArn(value)) {
      throw StatesError.runtime("The Credentials field's RoleArn must resolve to a non-empty string of at most "
          + MAX_ROLE_ARN_LENGTH + " characters, but was: " + describe(value));
    }
    return value.textValue();
  }

  static String roleArn(JsonNode field, Expressions expressions, JsonataBindings bindings) {
    if (field == null) return null;
    JsonNode credentials = expressions.jsonata(field, bindings, "Credentials");
    JsonNode value = credentials == null ? null : credentials.get("RoleArn");
    if (!validArn(value)) {
      throw StatesError.query("The JSONata expression specified for the field 'Credentials.RoleArn' returned an "
          + "unexpected result: " + describe(value) + " (expected a non-empty string)");
    }
    return value.textValue();
  }

  private static boolean validArn(JsonNode value) {
    return value != null && value.isTextual() && !value.textValue().isEmpty()
        && value.textValue().length() <= MAX_ROLE_ARN_LENGTH;
  }

  private static String describe(JsonNode value) {
    return value == null ? "null" : Json.write(value);
  }
}
