package io.stepwise.eval.jsonata;

import static io.stepwise.eval.jsonata.Fixtures.assertPrints;
import static io.stepwise.eval.jsonata.Fixtures.assertQueryError;
import static io.stepwise.eval.jsonata.Fixtures.eval;
import static io.stepwise.eval.jsonata.Fixtures.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The functions Step Functions adds to JSONata; expected values from the recorded cases. */
class AwsFunctionsTest {
  private static final String PARTITION = "$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)";

  @ParameterizedTest(name = "$partition({0}, {1}) = {2}")
  @CsvSource(delimiter = ';', value = {
      // intrinsics/array_jsonata__array_partition_exec_hist_resp_*
      "[0]; 1; [[0]]", "[0]; 2; [[0]]", "[0]; 4; [[0]]", "[0]; 5; [[0]]",
      "[0,1]; 1; [[0],[1]]", "[0,1]; 2; [[0,1]]", "[0,1]; 3; [[0,1]]", "[0,1]; 5; [[0,1]]",
      "[0,1,2]; 1; [[0],[1],[2]]", "[0,1,2]; 3; [[0,1,2]]",
      "[0,1,2,3]; 1; [[0],[1],[2],[3]]", "[0,1,2,3]; 3; [[0,1,2],[3]]", "[0,1,2,3]; 5; [[0,1,2,3]]"})
  void partition_splitsIntoChunks(String array, String size, String expected) {
    // given
    var bindings = input("{\"FunctionInput\": {\"fst\": " + array + ", \"snd\": " + size + "}}");
    // when
    JsonNode result = eval(PARTITION, bindings);
    // then
    assertPrints(expected, result);
  }

  @Test
  void partition_lastChunkHoldsTheRemainder_andSizeIsTruncated() {
    assertPrints("[[1,2,3],[4,5,6],[7,8,9]]", eval("$partition([1,2,3,4,5,6,7,8,9], 3)"));
    assertPrints("[[1,2],[3]]", eval("$partition([1,2,3], 2.9)"));
  }

  @Test
  void partition_emptyArrayOrZeroSize_isUndefined() {
    assertNull(eval("$partition([], 2)"));
    assertNull(eval("$partition([1,2], 0)"));
  }

  @ParameterizedTest(name = "$range({0}, {1}, {2}) = {3}")
  @CsvSource(delimiter = ';', value = {
      "0; 9; 3; [0,3,6,9]", // intrinsics/array_jsonata__array_range_exec_hist_resp_0
      "0; 10; 3; [0,3,6,9]", // intrinsics/array_jsonata__array_range_exec_hist_resp_1
      "9; 1; -2; [9,7,5,3,1]",
      "-1.7; 2; 1; [-1,0,1,2]",
      "3; 3; 1; 3",
      // A sequence of one item is unwrapped: AWS recorded $range(1, 9, 9) as 1
      // (test_array_jsonata.snapshot.json, test_array_range exec_hist_resp_2; resp_3 is [1,3,5,7,9])
      "1; 9; 9; 1", "1; 9; 20; 1", "1; 9; 2; [1,3,5,7,9]"})
  void range_stepsFromStartToEnd(String start, String end, String step, String expected) {
    // given
    var bindings = input("{\"FunctionInput\": {\"fst\": " + start + ", \"snd\": " + end + ", \"trd\": " + step + "}}");
    // when
    JsonNode result = eval("$range($states.input.FunctionInput.fst, $states.input.FunctionInput.snd, "
        + "$states.input.FunctionInput.trd)", bindings);
    // then
    assertPrints(expected, result);
  }

  /** JSONata counts JSON null as one value; only undefined counts as none. */
  @Test
  void count_countsNullAsOneValue() {
    assertPrints("1", eval("$count(null)"));
    assertPrints("1", eval("$count($states.input.n)", input("{\"n\": null}")));
    assertPrints("0", eval("$count($states.input.absent)", input("{}")));
    assertPrints("2", eval("$count([null, 1])"));
    assertPrints("1", eval("$count('text')"));
  }

  @Test
  void range_zeroOrMisdirectedOrMissingStep_isUndefined() {
    assertNull(eval("$range(0, 4, 0)"));
    assertNull(eval("$range(1, 3, -1)"));
    assertNull(eval("$range(0, 4)"));
  }

  @Test
  void range_wrongArgument_failsNamingIt() {
    assertQueryError("The JSONata expression '$range('0',4,1)' specified for the field 'Output' threw an error "
        + "during evaluation. T0410: Argument 1 of function \"range\" does not match function signature",
        () -> eval("$range('0',4,1)"));
    assertQueryError("The JSONata expression '$range(0,4,1,2)' specified for the field 'Output' threw an error "
        + "during evaluation. T0410: Argument 4 of function \"range\" does not match function signature",
        () -> eval("$range(0,4,1,2)"));
  }

  @Test
  void range_pastAwsMemoryBound_fails() {
    assertQueryError("The JSONata expression '$range(0, 1e12, 1)' specified for the field 'Output' threw an "
        + "error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage", () -> eval("$range(0, 1e12, 1)"));
  }

  @ParameterizedTest(name = "$hash(''hello'', ''{0}'')")
  @CsvSource({
      "MD5, 5d41402abc4b2a76b9719d911017c592",
      "SHA-1, aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
      "SHA-256, 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
      "SHA-384, 59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f",
      "SHA-512, 9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"})
  void hash_digestsAsLowercaseHex(String algorithm, String expected) {
    assertPrints("\"" + expected + "\"", eval("$hash('hello', '" + algorithm + "')"));
  }

  @Test
  void hash_unknownAlgorithm_failsAndMissingAlgorithmIsUndefined() {
    assertQueryError("The JSONata expression '$hash('x', 'sha-256')' specified for the field 'Output' threw an "
        + "error during evaluation. D3137: Hash algorithm 'sha-256' must be one of SHA-1, SHA-384, SHA-256, "
        + "SHA-512, MD5", () -> eval("$hash('x', 'sha-256')"));
    assertNull(eval("$hash('x')"));
  }

  @Test
  void random_withSeed_isReproducibleAsJavaRandom() {
    assertPrints("0.7275636800328681", eval("$random(42)"));
    assertPrints("0.7275636800328681", eval("$random(42.9)"));
  }

  @Test
  void random_withoutSeed_isInUnitInterval() {
    double value = eval("$random()").doubleValue();
    assertTrue(value >= 0 && value < 1, () -> "was " + value);
  }

  @Test
  void uuid_isAVersion4Uuid_freshPerCall_repeatablePerStep() {
    String first = eval("$uuid()").textValue();
    assertTrue(first.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), first);
    assertEquals(first, eval("$uuid()").textValue(), "a step with the same seed draws the same");
    JsonNode two = eval("[$uuid(), $uuid()]");
    assertNotEquals(two.get(0), two.get(1), "two calls in one step differ");
  }

  @ParameterizedTest(name = "$parse({0}) = {1}")
  @CsvSource(delimiter = ';', value = {
      // intrinsics/json_manipulation_jsonata__parse_exec_hist_resp_*
      "\"-0\"; 0", "\"1.1\"; 1.1", "\"\\\"HelloWorld\\\"\"; \"HelloWorld\"",
      "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"; {\"Arg1\":1,\"Arg2\":[]}"})
  void parse_readsAJsonString(String functionInput, String expected) {
    // given
    var bindings = input("{\"FunctionInput\": " + functionInput + "}");
    // when
    JsonNode result = eval("$parse($states.input.FunctionInput)", bindings);
    // then
    assertPrints(expected, result);
  }

  @Test
  void parse_invalidJson_fails() {
    var error = assertQueryError(null, () -> eval("$parse('{\"a\": 1, \"a\": 2}')"));
    assertEquals("The JSONata expression '$parse('{\"a\": 1, \"a\": 2}')' specified for the field 'Output' threw an "
        + "error during evaluation. D3137: Invalid JSON", error.cause());
    assertQueryError(null, () -> eval("$parse('not json')"));
    assertQueryError(null, () -> eval("$parse('')"));
  }
}
