package io.stepwise.eval.jsonata;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonataValidateTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "$states.input", "$not($states.input.type = 'Private')", "$partition($states.input.a, 2)",
      "$fn := function($x){$x}", "{'foo': 'bar'}", "($x := 1; $x + 1)"})
  void validate_wellFormedExpression_passes(String body) {
    assertDoesNotThrow(() -> Jsonata.validate(body));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a[1,2)|Expected \"]\", got \",\"",
      "'unterminated|String literal must be terminated by a matching quote",
      "1 +|Unexpected end of expression",
      "{\"a\":}|The symbol \"}\" cannot be used as a unary operator"})
  void validate_malformedExpression_namesTheProblem(String body, String message) {
    var error = assertThrows(IllegalArgumentException.class, () -> Jsonata.validate(body));
    assertEquals(message, error.getMessage());
  }

  @Test
  void validate_emptyExpression_fails() {
    assertThrows(IllegalArgumentException.class, () -> Jsonata.validate(" "));
  }

  @Test
  void isExpression_needsBracesAtBothEnds() {
    assertTrue(Jsonata.isExpression("{% $x %}"));
    assertFalse(Jsonata.isExpression(" {% $x %}"));
    assertFalse(Jsonata.isExpression("$x"));
    assertEquals("$x", Jsonata.body("{%   $x  %}"));
  }
}
