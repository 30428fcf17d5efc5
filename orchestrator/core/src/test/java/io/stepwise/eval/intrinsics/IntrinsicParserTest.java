package io.stepwise.eval.intrinsics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link Intrinsics#parse} accepts, and what it rejects before anything runs. */
class IntrinsicParserTest {
  private static String rejection(String expression) {
    return assertThrows(IllegalArgumentException.class, () -> Intrinsics.parse(expression)).getMessage();
  }

  @Test
  void isCall_recognisesStatesPrefixWithParenthesis() {
    assertTrue(Intrinsics.isCall("States.UUID()"));
    assertFalse(Intrinsics.isCall("$.a"));
    assertFalse(Intrinsics.isCall("States.UUID"));
    assertFalse(Intrinsics.isCall(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "States.Array()",
      "States.Array( 'a' , 1 ,-2.5e3, true, false, null )",
      "States.Format('{} {}', $.a, $$.Execution.Id)",
      "States.Format($AnswerTemplate, $$.Map.Item.Value)",
      "States.ArrayLength($.items[?(@.name == 'a,b)')])",
      "States.Array($.a['x','y'], $.b)",
      "States.JsonToString($)",
      "States.JsonToString($var.a[0]['b c'])",
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
      "States.StringSplit('Hello\nWorld', '\n')",
      "States.Format('Name: \\'{}\\', braces: \\{\\} and \\\\', $.name)",
      "States.MathRandom(1, 10)",
      "States.MathRandom(1, 10, 3)",
  })
  void parse_acceptsWellFormedCalls(String expression) {
    assertEquals(expression, assertDoesNotThrow(() -> Intrinsics.parse(expression)).text());
  }

  @Test
  void parse_returnsTheSameImmutableCallForTheSameText() {
    assertSame(Intrinsics.parse("States.Array($.a)"), Intrinsics.parse("States.Array($.a)"));
  }

  @Test
  void parse_rejectsUnknownFunctionByName() {
    assertTrue(rejection("States.Compare($.a, $.b)").contains("unknown intrinsic function 'States.Compare'"));
  }

  @Test
  void parse_rejectsNamesThatDifferOnlyInCase() {
    assertTrue(rejection("States.format('x')").contains("'States.format'"));
  }

  @Test
  void parse_rejectsWrongArgumentCounts() {
    assertTrue(rejection("States.MathAdd(1)").contains("States.MathAdd takes 2 arguments but was given 1"));
    assertTrue(rejection("States.ArrayRange(1, 5)").contains("takes 3 arguments"));
    assertTrue(rejection("States.UUID(1)").contains("takes 0 arguments"));
    assertTrue(rejection("States.MathRandom(1, 2, 3, 4)").contains("takes 2 to 3 arguments"));
    assertTrue(rejection("States.Format()").contains("takes 1 or more arguments"));
    assertTrue(rejection("States.StringToJson($.a, $.b)").contains("takes 1 argument but was given 2"));
  }

  @Test
  void parse_rejectsWrongArgumentCountsOfNestedCalls() {
    assertTrue(rejection("States.Array(States.ArrayLength())").contains("States.ArrayLength takes 1 argument"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "States.Array(",
      "States.Array('a'",
      "States.Array('a', 'b'",
      "States.Array((1)",
      "States.Array(1))",
      "States.Array(1) x",
      "States.Array 1)",
  })
  void parse_rejectsUnbalancedParentheses(String expression) {
    assertTrue(rejection(expression).startsWith("Invalid intrinsic function call:"));
  }

  @Test
  void parse_rejectsUnterminatedString() {
    assertTrue(rejection("States.Array('abc)").contains("unterminated string literal at position 13"));
  }

  @Test
  void parse_rejectsAnEscapeOtherThanQuoteBracesAndBackslash() {
    assertTrue(rejection("States.Array('a\\nb')").contains("open escape"));
    assertTrue(rejection("States.Array('trailing\\')").contains("unterminated string literal"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "States.Array(1,)", "States.Array(,1)", "States.Array(1,,2)", "States.Array(1 2)",
      "States.Array(abc)", "States.Array(\"double\")", "States.Array(01)", "States.Array(1.)",
      "States.Array(-)", "States.Array(True)",
  })
  void parse_rejectsMalformedArguments(String expression) {
    assertTrue(rejection(expression).startsWith("Invalid intrinsic function call:"));
  }

  @Test
  void parse_rejectsMalformedPaths() {
    assertTrue(rejection("States.Array($.a[)").contains("invalid path"));
    assertTrue(rejection("States.Array($..)").contains("invalid path '$..'"));
  }

  @Test
  void parse_rejectsLiteralsOfTheWrongType() {
    assertTrue(rejection("States.MathAdd('1', 2)").contains("Argument 1 of States.MathAdd must be a number, not '1'"));
    assertTrue(rejection("States.ArrayLength(3)").contains("must be an array"));
    assertTrue(rejection("States.JsonMerge($.a, $.b, 'false')").contains("Argument 3 of States.JsonMerge must be a boolean"));
    assertTrue(rejection("States.Format(1, $.a)").contains("Argument 1 of States.Format must be a string"));
    assertTrue(rejection("States.MathRandom(1, 10, null)").contains("must be a number, not null"));
  }

  @Test
  void parse_rejectsFormatWhosePlaceholdersAndValuesDiffer() {
    assertTrue(rejection("States.Format('{} and {}', $.a)").contains("has 2 placeholder(s) {} but 1 value(s)"));
    assertTrue(rejection("States.Format('none', $.a)").contains("has 0 placeholder(s)"));
  }

  @Test
  void parse_rejectsFormatTemplateWithAStrayBrace() {
    assertTrue(rejection("States.Format('Hello {', $.a)").contains("matching '}' not found for '{'"));
    assertTrue(rejection("States.Format('}')").contains("matching '{' not found for '}'"));
  }

  @Test
  void parse_acceptsFormatWhoseTemplateIsOnlyKnownAtRunTime() {
    assertDoesNotThrow(() -> Intrinsics.parse("States.Format($.template, $.a, $.b)"));
  }

  @Test
  void parse_allowsTenNestedCallsButNotEleven() {
    String ten = "States.Array(".repeat(10) + ")".repeat(10);
    assertDoesNotThrow(() -> Intrinsics.parse(ten));
    String eleven = "States.Array(".repeat(11) + ")".repeat(11);
    assertTrue(rejection(eleven).contains("nested at most 10 deep"));
  }
}
