package io.stepwise.eval.jsonata;

import static io.stepwise.eval.jsonata.Fixtures.assertJson;
import static io.stepwise.eval.jsonata.Fixtures.assertPrints;
import static io.stepwise.eval.jsonata.Fixtures.eval;
import static io.stepwise.eval.jsonata.Fixtures.input;
import static io.stepwise.eval.jsonata.Fixtures.json;
import static io.stepwise.eval.jsonata.Fixtures.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Sources;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expressions and results taken from the AWS-recorded conformance cases. */
class JsonataEvaluateTest {

  @Test
  void evaluate_statesInput_returnsTheInput() {
    // given (output__base_output_any_non_dict_JSONATA_EXPR)
    JsonataBindings bindings = input("{\"input_value\": \"stringliteral\"}");
    // when
    JsonNode result = eval("$states.input", bindings);
    // then
    assertJson("{\"input_value\": \"stringliteral\"}", result);
  }

  @Test
  void evaluate_choiceConditions_matchAwsScenario() {
    // given (base_scenarios__choice_aws_docs_scenario_CHOICE_STATE_AWS_SCENARIO_JSONATA)
    JsonataBindings bindings = input("{\"type\": \"Private\", \"value\": 22}");
    // when / then
    assertJson("false", eval("$not($states.input.type = 'Private')", bindings));
    assertJson("false", eval("$states.input.value = 0", bindings));
    assertJson("true", eval("$states.input.value >= 20 and $states.input.value < 30", bindings));
  }

  @Test
  void evaluate_booleanMember_isReturnedAsIs() {
    // given (base_scenarios__choice_unsorted_parameters_negative_..._JSONATA)
    JsonataBindings bindings = input("{\"result\": {\"done\": false}}");
    // when / then
    assertJson("false", eval("$states.input.result.done", bindings));
    assertJson("true", eval("$not($states.input.result.done)", bindings));
  }

  @Test
  void evaluate_escapedQuote_comparesEqual() {
    // given (base_scenarios__escape_sequence_parsing_ESCAPE_SEQUENCES_JSONATA_COMPARISON_*)
    JsonataBindings assigned = variables(Map.of("var", json("\"\\\"\"")));
    JsonataBindings output = input("\"\\\"\"");
    // when / then
    assertPrints("true", eval("$var = '\"'", assigned));
    assertPrints("true", eval("$states.input = '\"'", output));
  }

  @Test
  void evaluate_variables_areBoundByName() {
    // given (output__base_lambda_BASE_LAMBDA)
    JsonataBindings bindings = new JsonataBindings(
        json("{\"input_value\": \"string literal\", \"input_values\": [1, 2, 3]}"), null, null, json("{}"),
        Map.of("var_input_value", json("\"string literal\""), "var_constant_1", json("1")), Sources.fixed(java.time.Instant.EPOCH, 7));
    // when / then
    assertPrints("\"string literal\"", eval("$var_input_value", bindings));
    assertPrints("7", eval("$sum($states.input.input_values) + $var_constant_1", bindings));
  }

  @Test
  void evaluate_statesResultAndErrorOutput_areBoundWhenPresent() {
    // given (output__base_lambda_BASE_LAMBDA, error_output__task_catch_error_output_*)
    JsonNode result = json("{\"ja_expr\": 7}");
    JsonNode errorOutput = json("{\"Error\": \"Exception\", \"Cause\": \"boom\"}");
    JsonataBindings bindings = new JsonataBindings(json("{}"), result, errorOutput, json("{}"), Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
    // when / then
    assertPrints("7", eval("$states.result.ja_expr", bindings));
    assertJson("{\"Error\": \"Exception\", \"Cause\": \"boom\"}", eval("$states.errorOutput", bindings));
  }

  @Test
  void evaluate_absentStatesMembers_areOmitted() {
    // given
    JsonataBindings bindings = input("{}");
    // when
    JsonNode keys = eval("$keys($states)", bindings);
    // then
    assertJson("[\"input\", \"context\"]", keys);
    assertNull(eval("$states.result", bindings));
    assertJson("false", eval("$exists($states.errorOutput)", bindings));
  }

  @Test
  void evaluate_mapContext_readsTheItem() {
    // given (base_scenarios__map_state_item_selector_MAP_STATE_ITEM_SELECTOR_JSONATA)
    JsonNode context = json("{\"Map\": {\"Item\": {\"Index\": 0, \"Value\": \"Item1\"}}}");
    JsonataBindings bindings = new JsonataBindings(json("{}"), null, null, context,
        Map.of("ItemsVar", json("[\"Item1\", \"Item2\"]")), Sources.fixed(java.time.Instant.EPOCH, 7));
    // when / then
    assertPrints("\"Item1\"", eval("$states.context.Map.Item.Value", bindings));
    assertPrints("[\"Item1\",\"Item2\"]", eval("$ItemsVar", bindings));
  }

  @Test
  void evaluate_wholeNumbers_printAsIntegers() {
    // AWS prints 7, not 7.0 (output__base_lambda_BASE_LAMBDA); JavaScript writes 1e20 in full
    assertPrints("3", eval("6/2"));
    assertPrints("3", eval("$sum([1.5, 1.5])"));
    assertPrints("[1,2]", eval("[1.0, 2.0]"));
    assertPrints("100000000000000000000", eval("1e20"));
    assertPrints("0.1", eval("0.1"));
    assertPrints("3.5", eval("7/2"));
  }

  @Test
  void evaluate_inputIntegers_stayExact() {
    // given
    JsonataBindings bindings = input("{\"big\": 9223372036854775807, \"whole\": 1.0}");
    // when / then
    assertPrints("9223372036854775807", eval("$states.input.big", bindings));
    assertPrints("1", eval("$states.input.whole", bindings));
    assertPrints("10000000001", eval("10000000000 + 1"));
  }

  @Test
  void evaluate_jsonNull_isAValueNotUndefined() {
    // given
    JsonataBindings bindings = input("{\"n\": null}");
    // when / then
    assertPrints("null", eval("null"));
    assertPrints("null", eval("$states.input.n", bindings));
    assertPrints("true", eval("$exists($states.input.n)", bindings));
    assertPrints("[1,null]", eval("[1, null]"));
  }

  @Test
  void evaluate_missingPath_yieldsUndefinedAsNull() {
    assertNull(eval("$states.input.no.such.path", input("{\"a\": 1}")));
  }

  @Test
  void evaluate_undefinedVariable_yieldsUndefinedAsNull() {
    assertNull(eval("$noSuchVar"));
  }

  @Test
  void evaluate_evalFunction_isDisabledAsOnAws() {
    Fixtures.assertQueryError("The JSONata expression '$eval(\"1+1\")' specified for the field 'Output' "
        + "threw an error during evaluation. T1006: Attempted to invoke a non-function", () -> eval("$eval(\"1+1\")"));
  }

  @Test
  void evaluate_nowAndMillis_readTheStepsTime_notTheClock() {
    // given: a step at a fixed time; the library alone would read the wall clock
    Instant stepTime = Instant.parse("2030-05-06T07:08:09.123Z");
    JsonataBindings bindings = new JsonataBindings(json("{}"), null, null, json("{}"), Map.of(), Sources.fixed(stepTime, 1));
    // when / then
    assertEquals(stepTime.toEpochMilli(), eval("$millis()", bindings).longValue());
    assertEquals("2030-05-06T07:08:09.123Z", eval("$now()", bindings).textValue());
    assertEquals("true", eval("$now() = $now() and $millis() = $millis()", bindings).toString());
  }

}
