package io.stepwise.eval.jsonata;

import static io.stepwise.eval.jsonata.Fixtures.assertPrints;
import static io.stepwise.eval.jsonata.Fixtures.assertQueryError;
import static io.stepwise.eval.jsonata.Fixtures.eval;
import static io.stepwise.eval.jsonata.Fixtures.input;
import static io.stepwise.eval.jsonata.Fixtures.json;
import static io.stepwise.eval.jsonata.Fixtures.variables;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's causes, without the "An error occurred while executing the state ..." prefix. */
class JsonataErrorsTest {

  @ParameterizedTest(name = "Items: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // base_scenarios__map_state_items_eval_jsonata_fail_*
      "true|boolean|true", "null|null|null", "1|number|1",
      "{'foo': 'bar'}|object|{\"foo\":\"bar\"}", "'string'|string|\"string\""})
  void requireType_literalOfWrongType_failsWithAwsCause(String body, String type, String printed) {
    // given
    JsonNode result = Jsonata.evaluate(body, input("{}"), "Items");
    // when / then
    assertQueryError("The JSONata expression '" + body + "' specified for the field 'Items' returned an unexpected "
        + "result type. Expected 'array', but was '" + type + "' for value: " + printed,
        () -> Jsonata.requireType(result, body, "Items", "array"));
  }

  @ParameterizedTest(name = "$ItemsVar = {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // base_scenarios__map_state_items_variable_sampling_* and ..._eval_jsonata_variable_sampling_fail_*
      "true|boolean", "null|null", "1|number", "{\"foo\":\"bar\"}|object", "\"string\"|string"})
  void requireType_variableOfWrongType_failsWithAwsCause(String value, String type) {
    // given
    JsonNode result = Jsonata.evaluate("$ItemsVar", variables(Map.of("ItemsVar", json(value))), "Items");
    // when / then
    assertQueryError("The JSONata expression '$ItemsVar' specified for the field 'Items' returned an unexpected "
        + "result type. Expected 'array', but was '" + type + "' for value: " + value,
        () -> Jsonata.requireType(result, "$ItemsVar", "Items", "array"));
  }

  @Test
  void requireType_matchingType_returnsTheResult() {
    JsonNode items = Jsonata.evaluate("$ItemsVar", variables(Map.of("ItemsVar", json("[1]"))), "Items");
    assertTrue(Jsonata.requireType(items, "$ItemsVar", "Items", "array").isArray());
  }

  @Test
  void requireType_undefined_failsAsReturnedNothing() {
    assertQueryError("The JSONata expression '$x' specified for the field 'Items' returned nothing (undefined).",
        () -> Jsonata.requireType(null, "$x", "Items", "array"));
  }

  @Test
  void evaluate_functionResult_failsAsUnsupportedResultType() {
    // base_scenarios__map_state_items_eval_jsonata_fail_function
    assertQueryError("The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' "
        + "returned an unsupported result type.",
        () -> Jsonata.evaluate("$fn := function($x){$x}", input("{}"), "Items"));
    assertQueryError(null, () -> eval("{'f': $string}"));
  }

  @Test
  void evaluate_arithmeticOnString_failsWithJsonataMessage() {
    assertQueryError("The JSONata expression '$states.input.s + 1' specified for the field 'Output' threw an error "
        + "during evaluation. T2001: The left side of the \"+\" operator must evaluate to a number",
        () -> eval("$states.input.s + 1", input("{\"s\": \"a\"}")));
  }

  @Test
  void evaluate_builtinSignatureMismatch_failsAsJsonataJsWordsIt() {
    assertQueryError("The JSONata expression '$abs(\"x\")' specified for the field 'Output/v' threw an error "
        + "during evaluation. T0410: Argument 1 of function \"abs\" does not match function signature",
        () -> Jsonata.evaluate("$abs(\"x\")", input("{}"), "Output/v"));
    assertQueryError("The JSONata expression '$sum([\"a\"])' specified for the field 'Output' threw an error "
        + "during evaluation. T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
        () -> eval("$sum([\"a\"])"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // jsonata-js 2.0.6 signature.js: the argument after the longest front of the signature that matches
      "$substring($states.input.text, $states.input.start, 'three')|T0410: Argument 3 of function \"substring\" does not match function signature",
      "$length('a', 'b')|T0410: Argument 2 of function \"length\" does not match function signature",
      "'a' ~> $uppercase(1)|T0410: Argument 2 of function \"uppercase\" does not match function signature",
      "$states.input.n.$uppercase()|T0411: Context value is not a compatible type with argument 1 of function \"uppercase\"",
      "$join(['a'], 1)|T0410: Argument 2 of function \"join\" does not match function signature",
      "['a', 1] ~> $join('-')|T0412: Argument 1 of function \"join\" must be an array of \"strings\"",
      // the function is named by the call it failed in
      "($f := $length; $f($states.input.n))|T0410: Argument 1 of function \"f\" does not match function signature",
      "($g := function($x, $y)<sn:n>{$y}; $g('a', 'b'))|T0410: Argument 2 of function \"g\" does not match function signature",
      "$map([1], function($x)<s:s>{$x})|T0410: Argument 1 of function \"map\" does not match function signature",
      "function($x)<n:n>{$x}('a')|T0410: Argument 1 of function undefined does not match function signature",
      // the operator, which the library's T2009 does not carry
      "$states.input.n < 'a'|T2009: The values 5 and \"a\" either side of operator \"<\" must be of the same data type",
      "[3, 1].($ >= 'a')|T2009: The values 3 and \"a\" either side of operator \">=\" must be of the same data type",
      // jsonata-js sets the token of an error from the right side of and/or to the operator
      "true and $states.input.n > 'a'|T2009: The values 5 and \"a\" either side of operator \"and\" must be of the same data type",
      "$states.input.n > 'a' and true|T2009: The values 5 and \"a\" either side of operator \">\" must be of the same data type",
      "true and $length($states.input.n)|T0410: Argument 1 of function \"and\" does not match function signature",
      "false or (1 + 'a')|T2002: The right side of the \"or\" operator must evaluate to a number"})
  void evaluate_signatureOrOperatorError_namesTheArgumentAndOperatorAsJsonataJs(String body, String error) {
    assertQueryError("The JSONata expression '" + body + "' specified for the field 'Output' threw an error "
        + "during evaluation. " + error,
        () -> eval(body, input("{\"text\": \"abcdef\", \"start\": 1, \"n\": 5}")));
  }

  @Test
  void evaluate_errorFunction_keepsTheUsersMessage() {
    assertQueryError("The JSONata expression '$error(\"boom\")' specified for the field 'Output' threw an error "
        + "during evaluation. D3137: boom", () -> eval("$error(\"boom\")"));
  }

  /** AWS's cause for nesting past the depth bound, as TestState answers it (https://github.com/floci-io/floci/issues/2737). */
  @Test
  void evaluate_runawayRecursion_failsOnAwsDepthBound() {
    for (String body : new String[] {"($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(500))", "1" + "+1".repeat(199)}) {
      assertQueryError("The JSONata expression '" + body + "' specified for the field 'Output' threw an error during "
          + "evaluation: Stack overflow error: Check for non-terminating recursive function. Consider rewriting as "
          + "tail-recursive", () -> eval(body));
    }
  }

  @Test
  void evaluate_unparseableExpression_failsWithParserMessage() {
    assertQueryError("The JSONata expression 'a[1,2)' specified for the field 'Output' threw an error during "
        + "evaluation. S0202: Expected \"]\", got \",\"", () -> eval("a[1,2)"));
  }

  @Test
  void libraryDefect_causeCarriesItsMessage_withoutJavaClassNames() {
    // $parseInteger's unsupported picture reaches us as a RuntimeException wrapping a ParseException
    assertQueryError("The JSONata expression '$parseInteger(\"x\", \"#\")' specified for the field 'Output' threw an "
        + "internal error during evaluation. Formatting or parsing an integer as a sequence starting with \"#\" "
        + "is not supported by this implementation",
        () -> Jsonata.evaluate("$parseInteger(\"x\", \"#\")", input("{}"), "Output"));
  }

  @Test
  void libraryDefect_ofTheJvmItself_namesNoJavaClass() {
    // $replace with a regex where the replacement goes: the library casts it to a string
    assertQueryError("The JSONata expression '$replace('a.b', '.', /x/)' specified for the field 'Output' threw an "
        + "internal error during evaluation. An unexpected error occurred",
        () -> Jsonata.evaluate("$replace('a.b', '.', /x/)", input("{}"), "Output"));
  }

  /** AWS fails both (TestState, us-east-1), as https://github.com/floci-io/floci/issues/2737 records. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "$eval(\"1+1\")|T1006: Attempted to invoke a non-function",
      "$formatNumber(1, \"x\")|D3086: The sub-picture must not contain a passive character that is preceded by an "
          + "active character and that is followed by another active character"})
  void anExpressionAwsRefuses_failsWithItsCode(String body, String message) {
    assertQueryError("The JSONata expression '" + body + "' specified for the field 'Output' threw an error during "
        + "evaluation. " + message, () -> eval(body));
  }

  /**
   * AWS fails the state on a text outside the base64 alphabet, with an internal error whose tail is
   * a fresh id (https://github.com/floci-io/floci/issues/2736); whitespace is still skipped.
   */
  @Test
  void base64decode_outsideTheAlphabet_failsWithAnInternalError() {
    String cause = assertQueryError(null, () -> eval("$base64decode(\"!!!\")")).cause();
    assertTrue(cause.startsWith("The JSONata expression '$base64decode(\"!!!\")' specified for the field 'Output' "
        + "threw an internal error during evaluation. "), cause);
    assertPrints("\"a\"", eval("$base64decode(\"Y Q==\")"));
  }

  /** AWS writes parseInt's NaN as the string "NaN", alone and inside a value (https://github.com/floci-io/floci/issues/2737). */
  @Test
  void parseInteger_ofNoDigits_isNaN() {
    assertPrints("\"NaN\"", eval("$parseInteger(\"abc\", \"0\")"));
    assertPrints("[\"NaN\"]", eval("[$parseInteger(\"abc\", \"0\")]"));
    assertPrints("123", eval("$parseInteger(\"123\", \"0\")"));
  }
}
