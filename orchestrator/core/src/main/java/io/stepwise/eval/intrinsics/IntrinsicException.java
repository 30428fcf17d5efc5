package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;

/**
 * A failure deep inside an intrinsic expression. {@link CompiledIntrinsic} turns it into a
 * {@link StatesError} whose cause names the whole expression, as Step Functions does even when an
 * inner call failed.
 */
final class IntrinsicException extends RuntimeException {
  private IntrinsicException(String detail) {
    super(detail, null, false, false);
  }

  /** A path argument matched nothing. */
  static IntrinsicException pathNotFound(String path, JsonNode input) {
    return new IntrinsicException("The JsonPath argument for the field '" + path
        + "' could not be found in the input '" + (input == null ? "null" : Json.write(input)) + "'");
  }

  /** A path argument Jayway stopped with a message of its own, which Step Functions quotes as is. */
  static IntrinsicException pathStopped(String jaywayCause) {
    return new IntrinsicException(jaywayCause);
  }

  /** An argument of the wrong type or value. */
  static IntrinsicException invalidArguments(String function) {
    return new IntrinsicException("Invalid arguments in " + function);
  }

  StatesError toStatesError(String expression) {
    String cause = "The function '" + expression + "' had the following error: " + getMessage();
    // Real AWS reports both as States.Runtime (not States.IntrinsicFailure), so States.ALL
    // does not catch them.
    return StatesError.runtime(cause);
  }
}
