package io.stepwise.eval.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AWS's answers to ValidateStateMachineDefinition (us-east-1) for each expression as a Pass state's
 * Output, as floci-io/floci measured and recorded them: https://github.com/floci-io/floci/issues/2670,
 * https://github.com/floci-io/floci/pull/2699 (JsonataTopLevelReferencesTest there). A name listed
 * is the one AWS puts in "Reference to '<name>' at the top level is not supported."; an empty
 * list is AWS's "result: OK".
 */
class TopLevelReferencesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "phone", "phone[0].number", "phone.number.street", "-phone", "phone ? 1 : 2",
      "$states.input.a ? phone : 2", "phone & 'x'", "phone in $states.input.b", "$sum(phone)",
      "phone(1)", "phone ~> $string()", "[1..phone]", "(phone)", "(phone).other", "[phone].other",
      "[phone, 1]", "{phone: 1}", "($x := phone; $x)", "$map($states.input.a, function($y){ phone })",
      "$count(phone[inner])", "phone.**.deeper"})
  void aNameReadFromTheContextItem_isNamed(String body) {
    assertEquals(List.of("phone"), Jsonata.topLevelReferences(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "$states.input.phone", "$states.input.a.phone", "$states.input.a[0].phone", "$states.input.a.phone[0]",
      "$states.input.items[phone > 3]", "$states.input.a^(phone)", "$states.input.a{'k': phone}",
      "$states.input.a.(phone)", "$states.input.a.$phone", "$phone", "$states.input.a ~> $string()",
      "$states.input ~> |phone|{'b': 1}|", "**.phone", "{'k': 1}.phone", "$states.input.a[0][phone]",
      "$states.input.a[$ > 1]", "function($x){ $x.phone }", "$map($states.input.a, function($x){ $x.phone })",
      "'phone'", "1 + 1", "$now()"})
  void aNameReachedFromAnotherValue_isLegal(String body) {
    assertEquals(List.of(), Jsonata.topLevelReferences(body));
  }

  /** The same rule where no recording reaches: a function call's arguments are read, the steps after it are not. */
  @Test
  void pathsAfterAFunctionCallOrABlockVariable_followTheRule() {
    assertEquals(List.of("phone"), Jsonata.topLevelReferences("$uppercase(phone).other"));
    assertEquals(List.of(), Jsonata.topLevelReferences("$string($states.input.a).phone"));
    assertEquals(List.of(), Jsonata.topLevelReferences("($x := $states.input; $x.phone)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "$.phone", "$[0]", "$string($)", "$map($states.input.a, function($x){ $ })"})
  void theContextItemItself_isNamedDollar(String body) {
    assertEquals(List.of("$"), Jsonata.topLevelReferences(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$$", "$$.phone"})
  void theRoot_isNamedApart(String body) {
    assertEquals(List.of(Jsonata.ROOT_REFERENCE), Jsonata.topLevelReferences(body));
  }

  @Test
  void everyDistinctName_isNamedOnce_inWritingOrder() {
    assertEquals(List.of("aaa", "bbb"), Jsonata.topLevelReferences("aaa + bbb"));
    assertEquals(List.of("bbb", "aaa"), Jsonata.topLevelReferences("[bbb, aaa]"));
    assertEquals(List.of("aaa"), Jsonata.topLevelReferences("aaa + aaa"));
    assertEquals(List.of("aaa", "bbb"), Jsonata.topLevelReferences("(aaa; bbb)"));
    assertEquals(List.of("aaa", "bbb"), Jsonata.topLevelReferences("$number(aaa) + $number(bbb)"));
  }

  @Test
  void anExpressionThatDoesNotParse_failsWithTheParsersMessage() {
    var error = assertThrows(IllegalArgumentException.class, () -> Jsonata.topLevelReferences("phone[1,2)"));
    assertEquals("Expected \"]\", got \",\"", error.getMessage());
  }
}
