package io.stepwise.asl.choice;

import static io.stepwise.asl.choice.Fixtures.input;
import static io.stepwise.asl.choice.Fixtures.json;
import static io.stepwise.asl.choice.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRuleEvaluationTest {
  private static boolean eval(String rule, String input) {
    return rule(rule).matches(input(input));
  }

  @Test
  void numericEquals_onString_isFalse() {
    assertFalse(eval("{'Variable':'$.v','NumericEquals':42}", "{'v':'42'}"));
  }

  @Test
  void not_ofATypeMismatch_isTrue() {
    assertTrue(eval("{'Not':{'Variable':'$.v','NumericEquals':42}}", "{'v':'42'}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "NumericEquals|1|1.0|true", "NumericEquals|2.22|2.22|true", "NumericEquals|1.1|1|false",
      "NumericLessThan|-1|0|true", "NumericGreaterThan|1e3|999|true", "NumericLessThanEquals|3|3.00|true",
      "NumericGreaterThanEquals|2|3|false", "NumericEquals|12345678901234567890|12345678901234567890.0|true",
      "NumericEquals|9007199254740993|9007199254740992|false", "NumericEquals|-0.0|0|true"})
  void numericComparisons_compareByValue(String operator, String value, String operand, boolean expected) {
    assertEquals(expected, eval("{'Variable':'$.v','" + operator + "':" + operand + "}", "{'v':" + value + "}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "StringEquals|abc|abc|true", "StringEquals|abc|ABC|false", "StringLessThan|A|AB|true",
      "StringLessThan|B|AB|false", "StringGreaterThan|b|a|true", "StringLessThanEquals|a|a|true",
      "StringGreaterThanEquals|A|AB|false"})
  void stringComparisons_areLexicographic(String operator, String value, String operand, boolean expected) {
    assertEquals(expected, eval("{'Variable':'$.v','" + operator + "':'" + operand + "'}", "{'v':'" + value + "'}"));
  }

  @Test
  void stringEquals_onNumber_isFalse() {
    assertFalse(eval("{'Variable':'$.v','StringEquals':'1'}", "{'v':1}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "log-*.txt|log-2024.txt|true", "log-*.txt|log-.txt|true", "log-*.txt|log-1.txt.gz|false",
      "*|\"\"|true", "a*b*c|abbbc|true", "a*b*c|acb|false", "*.*|foo.bar|true", "abc|abc|true", "abc|abcd|false"})
  void stringMatches_wildcardMatchesAnyRun(String pattern, String value, boolean expected) {
    assertEquals(expected, StringGlob.matches(pattern, value));
  }

  @Test
  void stringMatches_escapedStar_isLiteral() {
    // JSON "a\\*b" is the pattern a\*b
    assertTrue(eval("{'Variable':'$.v','StringMatches':'a\\\\*b'}", "{'v':'a*b'}"));
    assertFalse(eval("{'Variable':'$.v','StringMatches':'a\\\\*b'}", "{'v':'axb'}"));
  }

  @Test
  void stringMatches_escapedBackslash_isLiteralAndLeavesTheStarAWildcard() {
    // JSON "a\\\\*" is the pattern a\\* : a backslash, then a wildcard
    assertTrue(eval("{'Variable':'$.v','StringMatches':'a\\\\\\\\*'}", "{'v':'a\\\\xyz'}"));
    assertFalse(eval("{'Variable':'$.v','StringMatches':'a\\\\\\\\*'}", "{'v':'axyz'}"));
  }

  @Test
  void stringMatches_onNonString_isFalse() {
    assertFalse(eval("{'Variable':'$.v','StringMatches':'*'}", "{'v':1}"));
  }

  @Test
  void booleanEquals_onlyMatchesBooleans() {
    assertTrue(eval("{'Variable':'$.v','BooleanEquals':false}", "{'v':false}"));
    assertFalse(eval("{'Variable':'$.v','BooleanEquals':false}", "{'v':'false'}"));
    assertFalse(eval("{'Variable':'$.v','BooleanEquals':false}", "{'v':0}"));
  }

  @Test
  void timestampEquals_comparesInstantsAcrossOffsets() {
    assertTrue(eval("{'Variable':'$.v','TimestampEquals':'2012-10-09T18:00:55Z'}", "{'v':'2012-10-09T19:00:55+01:00'}"));
  }

  @Test
  void timestampLessThan_honoursFractionalSeconds() {
    assertTrue(eval("{'Variable':'$.v','TimestampLessThan':'2012-10-09T19:00:55.5Z'}", "{'v':'2012-10-09T19:00:55.123Z'}"));
  }

  @Test
  void timestampComparison_onNonTimestamp_isFalse() {
    assertFalse(eval("{'Variable':'$.v','TimestampLessThan':'2030-01-01T00:00:00Z'}", "{'v':'2023-02-24 12:15:56.832957'}"));
    assertFalse(eval("{'Variable':'$.v','TimestampLessThan':'2030-01-01T00:00:00Z'}", "{'v':1}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "2016-08-18T17:33:00Z|true", "2016-08-18T17:33:00.123Z|true", "2016-08-18T17:33:00.123456789123Z|true",
      "2016-08-18T17:33:00+01:00|true", "2016-08-18T17:33:00-05:30|true", "2016-08-18T17:33:00|false",
      "2016-08-18|false", "2016-08-18 17:33:00Z|false", "2016-08-18t17:33:00Z|false", "2016-08-18T17:33:00z|false",
      "2016-13-18T17:33:00Z|false", "2016-02-30T17:33:00Z|false", "2016-08-18T17:33Z|false", "|false"})
  void isTimestamp_acceptsRfc3339WithUppercaseTAndAnOffset(String value, boolean expected) {
    String text = value == null ? "" : value;
    assertEquals(expected, eval("{'Variable':'$.v','IsTimestamp':true}", "{'v':'" + text + "'}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "IsNull|null|true", "IsNull|0|false", "IsNumeric|1.5|true", "IsNumeric|'1'|false", "IsString|''|true",
      "IsString|[]|false", "IsBoolean|false|true", "IsBoolean|'true'|false", "IsPresent|null|true",
      "IsTimestamp|'2016-08-18T17:33:00Z'|true"})
  void typeTests_checkTheJsonType_andFalseNegates(String operator, String value, boolean expected) {
    String input = "{'v':" + value + "}";
    assertEquals(expected, eval("{'Variable':'$.v','" + operator + "':true}", input));
    assertEquals(!expected, eval("{'Variable':'$.v','" + operator + "':false}", input));
  }

  @Test
  void isPresent_onMissingField_isFalse() {
    assertFalse(eval("{'Variable':'$.missing','IsPresent':true}", "{}"));
    assertTrue(eval("{'Variable':'$.missing.deeper','IsPresent':false}", "{}"));
  }

  @Test
  void comparison_onMissingField_failsTheStateWithStatesRuntime() {
    // given
    ChoiceRule rule = rule("{'Variable':'$.missing','NumericEquals':1}");
    // when
    StatesError error = assertThrows(StatesError.class, () -> rule.matches(input("{'v':1}")));
    // then
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("Invalid path '$.missing': The choice state's condition path references an invalid value.", error.cause());
  }

  @Test
  void isNull_onMissingField_failsTheState() {
    assertThrows(StatesError.class, () -> eval("{'Variable':'$.missing','IsNull':true}", "{}"));
  }

  @Test
  void pathOperand_thatIsMissing_failsTheStateNamingThatPath() {
    StatesError error = assertThrows(StatesError.class, () -> eval("{'Variable':'$.v','NumericEqualsPath':'$.w'}", "{'v':1}"));
    assertTrue(error.cause().startsWith("Invalid path '$.w'"), error.cause());
  }

  @Test
  void pathOperand_ofAnotherType_isFalse() {
    assertFalse(eval("{'Variable':'$.v','NumericEqualsPath':'$.w'}", "{'v':1,'w':'1'}"));
    assertTrue(eval("{'Variable':'$.v','NumericEqualsPath':'$.w'}", "{'v':1,'w':1.0}"));
  }

  @Test
  void and_stopsAtTheFirstFalseRule() {
    assertFalse(eval("{'And':[{'Variable':'$.v','IsNull':true},{'Variable':'$.missing','IsNull':true}]}", "{'v':1}"));
  }

  @Test
  void or_stopsAtTheFirstTrueRule() {
    assertTrue(eval("{'Or':[{'Variable':'$.v','IsNumeric':true},{'Variable':'$.missing','IsNull':true}]}", "{'v':1}"));
  }

  @Test
  void variablePath_readsVariables_andContext() {
    // given
    Scope scope = new Scope(json("{}"), json("{'Execution':{'Name':'run-1'}}"),
        Map.of("limits", json("{'max':[5,10]}"), "flag", json("true")), Sources.fixed(java.time.Instant.EPOCH, 7));
    // then
    assertTrue(rule("{'Variable':'$limits.max[1]','NumericEquals':10}").matches(scope));
    assertTrue(rule("{'Variable':'$flag','BooleanEquals':true}").matches(scope));
    assertTrue(rule("{'Variable':'$$.Execution.Name','StringEquals':'run-1'}").matches(scope));
    assertTrue(rule("{'Variable':'$$.Execution.Name','StringEqualsPath':'$$.Execution.Name'}").matches(scope));
    assertFalse(rule("{'Variable':'$undefined','IsPresent':true}").matches(scope));
    assertThrows(StatesError.class, () -> rule("{'Variable':'$undefined','IsNull':true}").matches(scope));
  }

  @Test
  void dollar_isTheWholeInput() {
    assertTrue(eval("{'Variable':'$','NumericEquals':3}", "3"));
  }

  @Test
  void evaluation_leavesTheInputUntouched() {
    // given
    Scope scope = input("{'a':{'b':[1,2]}}");
    JsonNode before = scope.input().deepCopy();
    // when
    rule("{'Variable':'$.a.b[0]','NumericEquals':1}").matches(scope);
    // then
    assertEquals(before, scope.input());
  }

  @Test
  void awsDocsScenario_privateValueInTwenties_takesTheAndRule() {
    // given the rules of base_scenarios__choice_aws_docs_scenario
    Scope scope = input("{'type':'Private','value':22}");
    // then
    assertFalse(rule("{'Not':{'Variable':'$.type','StringEquals':'Private'}}").matches(scope));
    assertFalse(rule("{'Variable':'$.value','NumericEquals':0}").matches(scope));
    assertTrue(rule("{'And':[{'Variable':'$.value','NumericGreaterThanEquals':20},"
        + "{'Variable':'$.value','NumericLessThan':30}]}").matches(scope));
  }

  @Test
  void unsortedParametersScenario_doneFalse_takesTheSecondRule() {
    Scope scope = input("{'result':{'done':false}}");
    assertFalse(rule("{'BooleanEquals':true,'Variable':'$.result.done'}").matches(scope));
    assertTrue(rule("{'BooleanEquals':false,'Variable':'$.result.done'}").matches(scope));
  }
}
