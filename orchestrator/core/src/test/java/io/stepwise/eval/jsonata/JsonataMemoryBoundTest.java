package io.stepwise.eval.jsonata;

import static io.stepwise.eval.jsonata.Fixtures.assertPrints;
import static io.stepwise.eval.jsonata.Fixtures.assertQueryError;
import static io.stepwise.eval.jsonata.Fixtures.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile expressions that would fill the heap fail with AWS's memory-limit error instead, each
 * before it allocates the value (this JVM's heap would not hold most of them); ordinary ones of the
 * same shapes still work. Kept small, since the 5 s time bound must not fire first on a busy machine.
 */
class JsonataMemoryBoundTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "$pad('x', 2000000000)",                                        // one call, a 2 G-character string
      "$pad('x', -2000000000, 'ab')",
      "[1..10000000]",                                                // the library's own range limit is 1e7
      "$join([1..7000].$string(), $pad('', 1000, '-'))",             // a long separator, 7,000 times
      "($s := $pad('', 3000, 'a'); $replace($s, 'a', $s))",          // a long replacement, 3,000 times
"($a := [1..1000]; $b := [$a,$a,$a,$a,$a,$a,$a,$a,$a,$a]; $c := [$b,$b,$b,$b,$b,$b,$b,$b,$b,$b];"
          + " [$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c,$c])", // shared arrays that would print as 2.1 M items
      "($double := function($s, $n) { $n = 0 ? $s : $double($s & $s, $n - 1) }; $length($double('ab', 40)))",
  })
  void hostileExpression_failsWithTheMemoryLimit(String expression) {
    assertQueryError("The JSONata expression '" + expression + "' specified for the field 'Output' threw an error during "
        + "evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage", () -> eval(expression));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "$length($pad('x', 1000))| 1000",
      "$count([1..1000].($ * 2))| 1000",
      "$count([1..30].([1..30]))| 900",
      "$length($join([1..1000].$string(), ', '))| 4891",
      "$length(($s := $pad('', 1000, 'a'); $replace($s, 'a', 'bb')))| 2000",
      "($double := function($s, $n) { $n = 0 ? $s : $double($s & $s, $n - 1) }; $length($double('ab', 10)))| 2048",
  })
  void ordinaryExpressionOfTheSameShape_works(String expression, String expected) {
    assertPrints(expected, eval(expression));
  }

  /**
   * AWS's own bound, measured on each side by floci-io/floci (https://github.com/floci-io/floci/issues/2737):
   * 873,782 numbers and a string doubled 22 times evaluate, one number or one doubling more fails.
   */
  @Test
  void theLargestValuesAwsAccepts_evaluate_andTheNextOnesFail() {
    String doubling = "($f := function($s, $n){ $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f('x', %d)))";
    assertPrints("873782", eval("[1..873782] ~> $count()"));
    assertPrints("4194304", eval(doubling.formatted(22)));
    for (String refused : new String[] {"[1..873783] ~> $count()", "$sum([1..900000])", doubling.formatted(23)}) {
      assertQueryError("The JSONata expression '" + refused + "' specified for the field 'Output' threw an error during "
          + "evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage", () -> eval(refused));
    }
  }

  @Test
  void stepsPastTheBound_fail() {
    MemoryBound bound = new MemoryBound(null, null, 3);
    for (int i = 0; i < 3; i++) bound.callback(null, null, null, 1L);
    assertThrows(JsonataFunctionError.class, () -> bound.callback(null, null, null, 1L));
  }
}
