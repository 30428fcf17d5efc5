package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Path arguments ({@code $}, {@code $$}, {@code $var}) and how failures are reported: a path
 * that finds nothing is States.Runtime, naming the whole expression as written.
 */
class PathArgumentsTest {
  private static final Scope SCOPE = new Scope(
      Json.parse("{\"other\":1,\"items\":[1,2],\"nul\":null}"),
      Json.parse("{\"StateMachine\":{\"Name\":\"orders-prod\"},\"Execution\":{\"Input\":{\"x\":7}}}"),
      Map.of("var", Json.parse("{\"a\":[{\"b\":\"deep\"}]}"), "n", Json.parse("5")), Sources.fixed(java.time.Instant.EPOCH, 7));

  private static StatesError failure(String expression) {
    return assertThrows(StatesError.class, () -> Eval.eval(expression, SCOPE));
  }

  @Test
  void contextPath_readsTheContextObject() {
    assertEquals(Json.text("orders"), Eval.eval("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", SCOPE));
    assertEquals(Json.text("prod"), Eval.eval("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
        + "States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))", SCOPE));
  }

  @Test
  void variablePath_readsTheVariableThenTheRestOfThePath() {
    assertEquals(Json.text("deep"), Eval.eval("States.Array($var.a[0].b)", SCOPE).get(0));
    assertEquals(Json.parse("[5]"), Eval.eval("States.Array($n)", SCOPE));
  }

  @Test
  void rootPath_isTheWholeInput() {
    assertResult("\"{\\\"other\\\":1}\"", "States.JsonToString($)", "{\"other\":1}");
  }

  @Test
  void presentNull_isAValueNotAMiss() {
    assertEquals(Json.text("null"), Eval.eval("States.Format('{}', $.nul)", SCOPE));
  }

  @Test
  void wildcardMatchingNothing_isAnEmptyArray() {
    assertEquals(0, Eval.eval("States.ArrayLength($.items[*].nope)", SCOPE).intValue());
  }

  @Test
  void missingPath_failsWithStatesRuntimeNamingTheExpressionAndTheInput() {
    StatesError error = failure("States.Format('{}', $.nope)");
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("The function 'States.Format('{}', $.nope)' had the following error: The JsonPath "
        + "argument for the field '$.nope' could not be found in the input "
        + "'{\"other\":1,\"items\":[1,2],\"nul\":null}'", error.cause());
  }

  @Test
  void missingPath_inANestedCallNamesTheWholeExpression() {
    StatesError error = failure("States.Format('{}',  States.Format('{}', $.a.b))");
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("The function 'States.Format('{}',  States.Format('{}', $.a.b))' had the following "
        + "error: The JsonPath argument for the field '$.a.b' could not be found in the input "
        + "'{\"other\":1,\"items\":[1,2],\"nul\":null}'", error.cause());
  }

  @Test
  void indexPastTheEnd_isAMiss() {
    assertEquals(ErrorNames.RUNTIME, failure("States.Array($.items[5])").error());
  }

  /**
   * An index on a value that is no array is the one stop where AWS quotes Jayway in place of "could
   * not be found": floci-io/floci AslExecutorIntrinsicMissingArgumentTest#indexingANonArrayFails,
   * causes captured in us-east-1, "AWS leaks its JSONPath library here and writes {@code Filter: [0]
   * can only be applied to arrays. Current context is: 1}".
   */
  @Test
  void indexOnANonArray_quotesJaywayAsAwsDoes() {
    StatesError error = failure("States.Format('{}', $.other[0])");
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("The function 'States.Format('{}', $.other[0])' had the following error: "
        + "Filter: [0] can only be applied to arrays. Current context is: 1", error.cause());
    assertEquals("The function 'States.Array($.other[0].x)' had the following error: "
        + "Filter: [0]['x'] can only be applied to arrays. Current context is: 1",
        failure("States.Array($.other[0].x)").cause());
  }

  @Test
  void missingContextPath_isReportedAgainstTheStateInput() {
    StatesError error = failure("States.Array($$.Nope.Deep)");
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("The function 'States.Array($$.Nope.Deep)' had the following error: The JsonPath "
        + "argument for the field '$.Nope.Deep' could not be found in the input "
        + "'{\"other\":1,\"items\":[1,2],\"nul\":null}'", error.cause());
  }

  @Test
  void undefinedVariable_isAMiss() {
    StatesError error = failure("States.Array($undefined.x)");
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("The function 'States.Array($undefined.x)' had the following error: The JsonPath "
        + "argument for the field '$undefined.x' could not be found in the input "
        + "'{\"other\":1,\"items\":[1,2],\"nul\":null}'", error.cause());
  }

  @Test
  void invalidArgumentInANestedCall_namesTheInnerFunctionAndTheWholeExpression() {
    StatesError error = failure("States.Format('{}', States.MathAdd($.items, 1))");
    assertEquals(ErrorNames.RUNTIME, error.error());
    assertEquals("The function 'States.Format('{}', States.MathAdd($.items, 1))' had the following "
        + "error: Invalid arguments in States.MathAdd", error.cause());
  }

  @Test
  void evaluation_neverChangesTheScope() {
    String before = Json.write(SCOPE.input()) + Json.write(SCOPE.context()) + SCOPE.variables();
    Eval.eval("States.JsonMerge($var, States.StringToJson('{\"a\": 1}'), false)", SCOPE);
    Eval.eval("States.ArrayPartition($.items, 1)", SCOPE);
    assertEquals(before, Json.write(SCOPE.input()) + Json.write(SCOPE.context()) + SCOPE.variables());
  }
}
