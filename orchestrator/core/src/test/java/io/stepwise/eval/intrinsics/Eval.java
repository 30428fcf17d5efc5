package io.stepwise.eval.intrinsics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.Map;

/** Test helpers: evaluate an expression on a JSON input and check results and failures. */
final class Eval {
  private Eval() {}

  static Scope scope(String inputJson) {
    return new Scope(Json.parse(inputJson), Json.object(), Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
  }

  /** The same scope with sources seeded by {@code seed}, so UUID and MathRandom are repeatable. */
  static Scope seeded(Scope scope, long seed) {
    return new Scope(scope.input(), scope.context(), scope.variables(), Sources.fixed(java.time.Instant.EPOCH, seed));
  }

  /** Evaluates with a fixed-seed random source, so UUID and MathRandom are repeatable. */
  static JsonNode eval(String expression, String inputJson) {
    return eval(expression, scope(inputJson));
  }

  static JsonNode eval(String expression, Scope scope) {
    return Intrinsics.parse(expression).evaluate(Eval.seeded(scope, 7));
  }

  static void assertResult(String expectedJson, String expression, String inputJson) {
    assertEquals(Json.parse(expectedJson), eval(expression, inputJson), expression);
  }

  static StatesError failure(String expression, String inputJson) {
    return assertThrows(StatesError.class, () -> eval(expression, inputJson), expression);
  }

  /** A run-time type or value misuse: States.Runtime naming the function that failed. */
  static void assertInvalidArguments(String function, String expression, String inputJson) {
    StatesError error = failure(expression, inputJson);
    assertEquals(ErrorNames.RUNTIME, error.error(), error.cause());
    assertEquals("The function '" + expression + "' had the following error: Invalid arguments in "
        + function, error.cause());
  }
}
