package io.stepwise.eval.jsonata;

/**
 * An error raised by one of the functions Step Functions adds to JSONata, already worded as AWS
 * words it: a JSONata error code ({@code T0410}, {@code D3137}) and its message, or no code for a
 * bound the evaluation ran into.
 */
final class JsonataFunctionError extends RuntimeException {
  private final String code;

  JsonataFunctionError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** AWS's refusal of an argument of the wrong type, or of one more argument than it takes. */
  static JsonataFunctionError signature(String function, int argument) {
    return new JsonataFunctionError("T0410",
        "Argument " + argument + " of function \"" + function + "\" does not match function signature");
  }

  static JsonataFunctionError invalid(String message) {
    return new JsonataFunctionError("D3137", message);
  }

  /** The code, or null for an uncoded message. */
  String code() {
    return code;
  }
}
