package io.stepwise.eval.jsonata;

import static io.stepwise.eval.jsonata.Fixtures.assertJson;
import static io.stepwise.eval.jsonata.Fixtures.assertPrints;
import static io.stepwise.eval.jsonata.Fixtures.assertQueryError;
import static io.stepwise.eval.jsonata.Fixtures.input;
import static io.stepwise.eval.jsonata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Sources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments/Output/Assign templates; expected outputs from the recorded cases. */
class JsonataTemplateTest {

  @Test
  void evaluateTemplate_richList_evaluatesOnlyExpressions() {
    // given (output__base_output_any_non_dict_LIST_RICH)
    JsonNode template = json("[null, 0, 0.1, true, \"string\", [], \"$nosuchvar\", \"$.no.such.path\", "
        + "\"{% $states.input %}\", {\"key\": \"{% true %}\"}]");
    // when
    JsonNode output = Jsonata.evaluateTemplate(template, input("{\"input_value\": \"stringliteral\"}"), "Output");
    // then
    assertPrints("[null,0,0.1,true,\"string\",[],\"$nosuchvar\",\"$.no.such.path\","
        + "{\"input_value\":\"stringliteral\"},{\"key\":true}]", output);
  }

  @Test
  void evaluateTemplate_objectWithExpression_keepsLiterals() {
    // given (mixed_query_language__output_to_state_JSONATA_OUTPUT_TO_JSONPATH)
    JsonNode template = json("{\"foo\": \"foobar\", \"bar\": \"{% $states.input %}\"}");
    // when
    JsonNode output = Jsonata.evaluateTemplate(template, input("{\"input_data\": \"test\"}"), "Output");
    // then
    assertJson("{\"foo\": \"foobar\", \"bar\": {\"input_data\": \"test\"}}", output);
  }

  @Test
  void evaluateTemplate_itemSelector_readsContextAndVariables() {
    // given (base_scenarios__map_state_item_selector_MAP_STATE_ITEM_SELECTOR_JSONATA)
    JsonNode template = json("{\"map_item_value\": \"{% $states.context.Map.Item.Value %}\", "
        + "\"var_sample\": \"{% $ItemsVar %}\", \"string_literal\": \"string literal\"}");
    JsonataBindings bindings = new JsonataBindings(json("{}"), null, null,
        json("{\"Map\": {\"Item\": {\"Index\": 1, \"Value\": \"Item2\"}}}"),
        Map.of("ItemsVar", json("[\"Item1\", \"Item2\"]")), Sources.fixed(java.time.Instant.EPOCH, 7));
    // when
    JsonNode output = Jsonata.evaluateTemplate(template, bindings, "ItemSelector");
    // then
    assertJson("{\"map_item_value\": \"Item2\", \"var_sample\": [\"Item1\", \"Item2\"], "
        + "\"string_literal\": \"string literal\"}", output);
  }

  @Test
  void evaluateTemplate_taskOutput_readsInputVariablesAndResult() {
    // given (output__base_lambda_BASE_LAMBDA)
    JsonNode template = json("{\"ja_var_access\": \"{% $var_input_value %}\", "
        + "\"ja_expr\": \"{% $sum($states.input.input_values) + $var_constant_1 %}\", "
        + "\"ja_states_input\": \"{% $states.input %}\", \"ja_states_result\": \"{% $states.result %}\", "
        + "\"ja_states_result_access\": \"{% $states.result.ja_expr %}\"}");
    JsonNode stateInput = json("{\"input_value\": \"string literal\", \"input_values\": [1, 2, 3]}");
    JsonNode result = json("{\"ja_states_input\": {\"input_value\": \"string literal\", \"input_values\": [1, 2, 3]}, "
        + "\"ja_var_access\": \"string literal\", \"ja_expr\": 7}");
    JsonataBindings bindings = new JsonataBindings(stateInput, result, null, json("{}"),
        Map.of("var_input_value", json("\"string literal\""), "var_constant_1", json("1")), Sources.fixed(java.time.Instant.EPOCH, 7));
    // when
    JsonNode output = Jsonata.evaluateTemplate(template, bindings, "Output");
    // then
    assertJson("{\"ja_var_access\": \"string literal\", \"ja_expr\": 7, \"ja_states_input\": {\"input_value\": "
        + "\"string literal\", \"input_values\": [1, 2, 3]}, \"ja_states_result\": {\"ja_states_input\": "
        + "{\"input_value\": \"string literal\", \"input_values\": [1, 2, 3]}, \"ja_var_access\": \"string literal\", "
        + "\"ja_expr\": 7}, \"ja_states_result_access\": 7}", output);
  }

  @Test
  void evaluateTemplate_withoutExpressions_returnsTheSameNode() {
    // given (variables/assign_base__base_cases_BASE_CONSTANT_LITERALS: "$" strings are literals)
    JsonNode template = json("{\"a\": [1, \"$.no.such.path\", \"$varname\"], \"b\": {\"c\": null}}");
    // when
    JsonNode output = Jsonata.evaluateTemplate(template, input("{}"), "Assign");
    // then
    assertSame(template, output);
  }

  @Test
  void evaluateTemplate_nestedUndefined_failsNamingItsPath() {
    // AWS: "... specified for the field 'Arguments/Input/pushLocation' returned nothing (undefined)."
    JsonNode template = json("{\"Input\": {\"pushLocation\": \"{% $states.input.pushLocation %}\"}}");
    assertQueryError("The JSONata expression '$states.input.pushLocation' specified for the field "
        + "'Arguments/Input/pushLocation' returned nothing (undefined).",
        () -> Jsonata.evaluateTemplate(template, input("{}"), "Arguments"));
  }

  @Test
  void evaluateTemplate_undefinedInArray_namesTheIndex() {
    JsonNode template = json("{\"list\": [1, \"{% $nope %}\"]}");
    assertQueryError("The JSONata expression '$nope' specified for the field 'Output/list[1]' "
        + "returned nothing (undefined).", () -> Jsonata.evaluateTemplate(template, input("{}"), "Output"));
  }

  @Test
  void evaluateTemplate_undefinedVariable_failsWithQueryEvaluationError() {
    assertQueryError("The JSONata expression '$undefinedVar' specified for the field 'Output' "
        + "returned nothing (undefined).",
        () -> Jsonata.evaluateTemplate(json("\"{% $undefinedVar %}\""), input("{}"), "Output"));
  }

  @Test
  void evaluateTemplate_expressionYieldingNull_keepsTheKey() {
    JsonNode output = Jsonata.evaluateTemplate(json("{\"v\": \"{% $states.input.bar %}\"}"),
        input("{\"bar\": null}"), "Output");
    assertPrints("{\"v\":null}", output);
  }
}
