package io.stepwise.eval.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.Map;
import java.util.function.Supplier;

/** Bindings and assertions shared by the JSONata tests. */
final class Fixtures {
  private Fixtures() {}

  static JsonNode json(String text) {
    return Json.parse(text);
  }

  static JsonataBindings input(String inputJson) {
    return new JsonataBindings(json(inputJson), null, null, json("{}"), Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
  }

  static JsonataBindings variables(Map<String, JsonNode> variables) {
    return new JsonataBindings(json("{}"), null, null, json("{}"), variables, Sources.fixed(java.time.Instant.EPOCH, 7));
  }

  static JsonNode eval(String body, JsonataBindings bindings) {
    return Jsonata.evaluate(body, bindings, "Output");
  }

  static JsonNode eval(String body) {
    return eval(body, input("{}"));
  }

  /** Compares as the conformance README does: parsed JSON, numbers numerically. */
  static void assertJson(String expected, JsonNode actual) {
    assertEquals(Json.parse(expected), actual, () -> "was " + (actual == null ? "undefined" : Json.write(actual)));
  }

  /** Compares the compact text, which is stricter: 3 must not be 3.0. */
  static void assertPrints(String expected, JsonNode actual) {
    assertEquals(expected, actual == null ? "undefined" : Json.write(actual));
  }

  static StatesError assertQueryError(String expectedCause, Supplier<?> action) {
    StatesError error = assertThrows(StatesError.class, action::get);
    assertEquals(ErrorNames.QUERY_EVALUATION_ERROR, error.error());
    if (expectedCause != null) assertEquals(expectedCause, error.cause());
    return error;
  }
}
