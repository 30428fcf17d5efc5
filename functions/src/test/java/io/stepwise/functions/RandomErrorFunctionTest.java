package io.stepwise.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import function.DoublesRolledError;
import function.MaxDepthError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class RandomErrorFunctionTest {
  // java.util.Random's algorithm is specified, so these hold on every JVM (5-sided dice):
  static final long SEED_ROLLING_DOUBLES = 4; // 3, 3
  static final long SEED_ROLLING_NO_DOUBLES = 2; // 4, 3

  final RecordingSelfInvoker invoker = new RecordingSelfInvoker();
  final TestContext context = TestContext.of("random-error");

  /** The docs' payload as the Lambda runtime's own serializer hands it to the handler. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> docsPayload() {
    return new HashMap<String, Object>(EventLoader.loadEvent("events/event.json", Map.class));
  }

  @ParameterizedTest
  @Event(value = "events/event.json", type = Map.class)
  void givenDocsPayloadAndSeededDiceRollingDoubles_whenHandled_thenDoublesRolledError(Map<String, Object> event) {
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(SEED_ROLLING_DOUBLES), invoker);

    DoublesRolledError error = assertThrows(DoublesRolledError.class, () -> function.handleRequest(event, context));

    assertEquals("Rolled doubles: 3 and 3", error.getMessage());
    assertTrue(invoker.invocations.isEmpty());
  }

  @ParameterizedTest
  @Event(value = "events/event.json", type = Map.class)
  void givenDocsPayloadAndNoDoubles_whenHandled_thenInvokesItselfAsyncWithDepthPlusOne(Map<String, Object> event) {
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(SEED_ROLLING_NO_DOUBLES), invoker);

    Map<String, Object> result = function.handleRequest(event, context);

    assertEquals(Map.of("current-depth", 1, "dice", List.of(4, 3)), result);
    assertEquals(List.of(new RecordingSelfInvoker.Invocation("random-error",
        Map.of("max-depth", 5, "current-depth", 1, "error-rate", 0.2))), invoker.invocations);
  }

  @Test
  void givenDepthOneBelowMax_whenHandled_thenMaxDepthErrorEvenOnDoubles() {
    Map<String, Object> event = docsPayload();
    event.put("current-depth", 4);
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(SEED_ROLLING_DOUBLES), invoker);

    MaxDepthError error = assertThrows(MaxDepthError.class, () -> function.handleRequest(event, context));

    assertEquals("Maximum depth reached", error.getMessage());
    assertTrue(invoker.invocations.isEmpty());
  }

  @Test
  void givenDepthPastMax_whenHandled_thenMaxDepthError() {
    Map<String, Object> event = docsPayload();
    event.put("current-depth", 9);
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(SEED_ROLLING_NO_DOUBLES), invoker);

    assertThrows(MaxDepthError.class, () -> function.handleRequest(event, context));
  }

  @Test
  void givenExtraFieldsAndOwnName_whenHandled_thenPassesThemOnToThatName() {
    Map<String, Object> event = docsPayload();
    event.put("current-depth", 2);
    event.put("trace", "abc");
    RandomErrorFunction function =
        new RandomErrorFunction(Dice.seeded(SEED_ROLLING_NO_DOUBLES), invoker, "arn:aws:lambda:us-east-1:1:function:x");

    function.handleRequest(event, null);

    RecordingSelfInvoker.Invocation call = invoker.invocations.get(0);
    assertEquals("arn:aws:lambda:us-east-1:1:function:x", call.functionName());
    assertEquals(Map.of("max-depth", 5, "current-depth", 3, "error-rate", 0.2, "trace", "abc"), call.payload());
  }

  @Test
  void givenEmptyInput_whenHandled_thenUsesTheDocsDefaults() {
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(SEED_ROLLING_NO_DOUBLES), invoker);

    Map<String, Object> result = function.handleRequest(Map.of(), context);

    assertEquals(1, result.get("current-depth"));
    assertEquals(Map.of("current-depth", 1), invoker.invocations.get(0).payload());
  }

  @Test
  void givenErrorRates_whenSized_thenRoundOfTheReciprocal() {
    assertEquals(5, RandomErrorFunction.sides(0.2));
    assertEquals(1, RandomErrorFunction.sides(1));
    assertEquals(3, RandomErrorFunction.sides(0.3)); // 3.33
    assertEquals(100, RandomErrorFunction.sides(0.01));
  }

  @Test
  void givenErrorRateOutOfRange_whenHandled_thenIllegalArgument() {
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(1), invoker);
    for (double rate : new double[] {0, -0.5, 1.5}) {
      Map<String, Object> event = docsPayload();
      event.put("error-rate", rate);
      assertThrows(IllegalArgumentException.class, () -> function.handleRequest(event, context));
    }
    Map<String, Object> text = docsPayload();
    text.put("max-depth", "five");
    assertThrows(IllegalArgumentException.class, () -> function.handleRequest(text, context));
  }

  @Test
  void givenErrorRateOne_whenHandled_thenAlwaysDoubles() {
    Map<String, Object> event = docsPayload();
    event.put("error-rate", 1);
    RandomErrorFunction function = new RandomErrorFunction(Dice.random(), invoker);

    assertThrows(DoublesRolledError.class, () -> function.handleRequest(event, context));
  }

  @Test
  void givenTheSameSeed_whenRolled_thenTheSameSequence() {
    Dice a = Dice.seeded(42);
    Dice b = Dice.seeded(42);
    for (int i = 0; i < 100; i++) {
      int roll = a.roll(6);
      assertEquals(roll, b.roll(6));
      assertTrue(roll >= 1 && roll <= 6);
    }
  }
}
