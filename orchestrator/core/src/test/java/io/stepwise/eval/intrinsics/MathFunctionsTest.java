package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertInvalidArguments;
import static io.stepwise.eval.intrinsics.Eval.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import io.stepwise.json.Json;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.MathAdd and States.MathRandom. */
class MathFunctionsTest {
  private static final String ADD = "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)";

  /** Every pair recorded on AWS: each operand is rounded half up (Java's Math.round) before adding. */
  @ParameterizedTest
  @CsvSource({
      "-9, 3, -6", "1.49, 1.5, 3", "1.5, 1.51, 4", "-1.49, -1.5, -2", "1.49, -1.49, 0",
      "1.5, 0, 2", "1.51, 0, 2", "-1.5, 0, -1", "-1.51, 0, -2", "0.5, 0, 1", "-2.5, 0, -2",
  })
  void mathAdd_roundsEachOperandHalfUpThenAdds(String fst, String snd, int sum) {
    String input = "{\"FunctionInput\":{\"fst\":" + fst + ",\"snd\":" + snd + "}}";
    JsonNode result = Eval.eval(ADD, input);
    assertTrue(result.isInt(), "an integer, written without .0");
    assertEquals(sum, result.intValue());
  }

  /** AWS's Sum in test_assign_reference_variables' BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE: 4.3 adds as 4. */
  @ParameterizedTest
  @CsvSource({"9, 44, 6, 63", "82, 25, 76, 187", "18, 42, 2, 66"})
  void mathAdd_nestedWithAFractionalBias(int x, int y, int z, int sum) {
    String input = "{\"x\":" + x + ",\"y\":" + y + ",\"z\":" + z + ",\"bias\":4.3}";
    assertResult(String.valueOf(sum), "States.MathAdd(States.MathAdd(States.MathAdd($.y, $.x), $.z), $.bias)", input);
  }

  @Test
  void mathAdd_takesLiteralOperands() {
    assertResult("2", "States.MathAdd($.Iterations, -1)", "{\"Iterations\":3}");
    assertResult("8", "States.MathAdd($.value1, $.value2)", "{\"value1\":5,\"value2\":3}");
  }

  @Test
  void mathAdd_givesAnIntegerEvenForFractionalOperands() {
    assertEquals("{\"v\":3}", Json.write(Json.object().set("v", Eval.eval("States.MathAdd(1.49, 1.5)", "{}"))));
  }

  @Test
  void mathAdd_rejectsNonNumbers() {
    assertInvalidArguments("States.MathAdd", "States.MathAdd($.a, 1)", "{\"a\":\"NOT A NUMBER\"}");
    assertInvalidArguments("States.MathAdd", "States.MathAdd($.a, 1)", "{\"a\":null}");
  }

  @Test
  void mathAdd_rejectsOperandsBeyondJavaInts() {
    assertInvalidArguments("States.MathAdd", "States.MathAdd($.a, 1)", "{\"a\":2147483648}");
    assertResult("4294967294", "States.MathAdd(2147483647, 2147483647)", "{}");
  }

  @Test
  void mathRandom_staysWithinStartInclusiveAndEndExclusive() {
    Set<Integer> seen = new HashSet<>();
    Scope scope = Eval.seeded(Eval.scope("{}"), 1);
    for (int i = 0; i < 200; i++) {
      seen.add(Intrinsics.parse("States.MathRandom(1, 4)").evaluate(scope).intValue());
    }
    assertEquals(Set.of(1, 2, 3), seen);
  }

  @Test
  void mathRandom_readsBoundsFromPaths() {
    int value = Eval.eval("States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd)",
        "{\"FunctionInput\":{\"fst\":-99999,\"snd\":-9999}}").intValue();
    assertTrue(value >= -99999 && value < -9999, String.valueOf(value));
  }

  @Test
  void mathRandom_withASeedIsRepeatable() {
    String expression = "States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)";
    String input = "{\"FunctionInput\":{\"fst\":0,\"snd\":999,\"trd\":3}}";
    JsonNode first = Intrinsics.parse(expression).evaluate(Eval.seeded(Eval.scope(input), 1));
    JsonNode second = Intrinsics.parse(expression).evaluate(Eval.seeded(Eval.scope(input), 2));
    assertEquals(first, second);
    assertTrue(first.intValue() >= 0 && first.intValue() < 999);
  }

  @Test
  void mathRandom_withoutASeedDrawsFromTheGivenSource() {
    String expression = "States.MathRandom(0, 1000000)";
    assertEquals(Intrinsics.parse(expression).evaluate(Eval.seeded(Eval.scope("{}"), 5)),
        Intrinsics.parse(expression).evaluate(Eval.seeded(Eval.scope("{}"), 5)));
  }

  @Test
  void mathRandom_roundsFractionalBoundsToTheNearestInteger() {
    for (int i = 0; i < 50; i++) {
      int value = Intrinsics.parse("States.MathRandom(1.5, 4.4)").evaluate(Eval.seeded(Eval.scope("{}"), i)).intValue();
      assertTrue(value == 2 || value == 3, String.valueOf(value));
    }
  }

  @Test
  void mathRandom_rejectsAnEmptyOrReversedRange() {
    assertInvalidArguments("States.MathRandom", "States.MathRandom(1, 1)", "{}");
    assertInvalidArguments("States.MathRandom", "States.MathRandom(10, 5)", "{}");
    assertInvalidArguments("States.MathRandom", "States.MathRandom(1.5, 2.4)", "{}");
  }

  @Test
  void mathRandom_rejectsNonNumbers() {
    assertInvalidArguments("States.MathRandom", "States.MathRandom($.a, 10)", "{\"a\":\"1\"}");
    assertInvalidArguments("States.MathRandom", "States.MathRandom(1, 10, $.s)", "{\"s\":null}");
  }
}
