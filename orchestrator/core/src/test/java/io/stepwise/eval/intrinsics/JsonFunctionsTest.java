package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertInvalidArguments;
import static io.stepwise.eval.intrinsics.Eval.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.JsonMerge, States.StringToJson and States.JsonToString. */
class JsonFunctionsTest {
  private static final String MERGE_INPUT = "{\"FunctionInput\":{"
      + "\"fst\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2,\"d\":3},"
      + "\"snd\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3,\"d\":4}}}";

  @Test
  void jsonMerge_letsTheSecondObjectReplaceWholeMembers() {
    assertResult("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3,\"d\":4}",
        "States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)", MERGE_INPUT);
  }

  @Test
  void jsonMerge_leavesItsInputsUntouched() {
    Scope scope = Eval.scope(MERGE_INPUT);
    JsonNode before = scope.input().deepCopy();
    Eval.eval("States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)", scope);
    assertEquals(before, scope.input());
  }

  @Test
  void jsonMerge_mergesANestedStringToJson() {
    assertResult("{\"constant_in_literal\":\"false\",\"x\":1}",
        "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $.in, false)",
        "{\"in\":{\"x\":1}}");
  }

  @Test
  void jsonMerge_rejectsDeepMerging() {
    assertInvalidArguments("States.JsonMerge", "States.JsonMerge($.a, $.b, true)", "{\"a\":{},\"b\":{}}");
  }

  @Test
  void jsonMerge_rejectsNonObjects() {
    assertInvalidArguments("States.JsonMerge", "States.JsonMerge($.a, $.b, false)", "{\"a\":[],\"b\":{}}");
    assertInvalidArguments("States.JsonMerge", "States.JsonMerge($.a, $.b, $.d)", "{\"a\":{},\"b\":{},\"d\":\"no\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"null\"                      | null",
      "\"-0\"                        | 0",
      "\"1\"                         | 1",
      "\"1.1\"                       | 1.1",
      "\"{\\\"key\\\":\\\"value\\\"}\"  | {\"key\":\"value\"}",
      "\"\\\"HelloWorld\\\"\"          | \"HelloWorld\"",
      "\" [1, {\\\"a\\\": []}] \"     | [1,{\"a\":[]}]",
  })
  void stringToJson_parsesTheText(String text, String expected) {
    assertResult(expected, "States.StringToJson($.FunctionInput)", "{\"FunctionInput\":" + text + "}");
  }

  @Test
  void stringToJson_rejectsTextThatIsNotJson() {
    assertInvalidArguments("States.StringToJson", "States.StringToJson($.v)", "{\"v\":\"{oops\"}");
    assertInvalidArguments("States.StringToJson", "States.StringToJson($.v)", "{\"v\":\"1 2\"}");
  }

  /** AWS recorded "" and " " giving null (test_json_manipulation.snapshot.json, test_string_to_json 0 and 1). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"''", "' '", "'   '"})
  void stringToJson_readsBlankTextAsNull(String text) {
    assertResult("null", "States.StringToJson($.v)", "{\"v\":" + Json.write(Json.text(text)) + "}");
  }

  @Test
  void stringToJson_rejectsANonString() {
    assertInvalidArguments("States.StringToJson", "States.StringToJson($.v)", "{\"v\":{\"a\":1}}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "null                  | null",
      "0                     | 0",
      "\"HelloWorld\"        | \"HelloWorld\"",
      "[1, 2, \"HelloWorld\"] | [1,2,\"HelloWorld\"]",
      "{\"test\": \"object\"}  | {\"test\":\"object\"}",
  })
  void jsonToString_writesCompactJson(String value, String expectedText) {
    assertEquals(Json.text(expectedText), Eval.eval("States.JsonToString($.FunctionInput)",
        "{\"FunctionInput\":" + value + "}"));
  }
}
