package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertInvalidArguments;
import static io.stepwise.eval.intrinsics.Eval.assertResult;
import static io.stepwise.eval.intrinsics.Eval.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.Array*, checked against the AWS-recorded cases and AWS's documented limits. */
class ArrayFunctionsTest {
  private static final String PAIR = "{\"FunctionInput\":{\"fst\":%s,\"snd\":%s}}";
  private static final String INPUT_ARRAY = "{\"inputArray\":[1,2,3,4,5,6],\"duplicateArray\":[1,2,2,3,3,4]}";

  @Test
  void array_withoutArgumentsIsEmpty() {
    assertResult("[]", "States.Array()", "{\"FunctionInput\":\"HelloWorld\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"\"", "\" \"", "\"HelloWorld\"", "1", "1.1"})
  void array_collectsItsArgumentsInOrder(String value) {
    String expression = "States.Array($.FunctionInput.fst, $.FunctionInput.snd)";
    assertResult("[" + value + "," + value + "]", expression, PAIR.formatted(value, value));
  }

  @Test
  void array_takesLiteralsAndSharesInputNodes() {
    assertResult("[\"a\",\"b\",\"c\"]", "States.Array('a', 'b', 'c')", "{}");
    JsonNode input = Json.parse("{\"o\":{\"k\":[1]}}");
    JsonNode result = eval("States.Array($.o)", Eval.scope(Json.write(input)));
    assertEquals(input.get("o"), result.get(0));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]                | 1 | []",
      "[]                | 5 | []",
      "[0]               | 1 | [[0]]",
      "[0]               | 4 | [[0]]",
      "[0,1]             | 3 | [[0,1]]",
      "[0,1,2]           | 2 | [[0,1],[2]]",
      "[0,1,2]           | 4 | [[0,1,2]]",
      "[0,1,2,3]         | 2 | [[0,1],[2,3]]",
      "[0,1,2,3]         | 3 | [[0,1,2],[3]]",
      "[0,1,2,3]         | 5 | [[0,1,2,3]]",
  })
  void arrayPartition_splitsIntoChunksWithTheRemainderLast(String array, String size, String expected) {
    assertResult(expected, "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)",
        PAIR.formatted(array, size));
  }

  @Test
  void arrayPartition_roundsAFractionalSizeToTheNearestInteger() {
    assertResult("[[1,2,3]]", "States.ArrayPartition($.a, 2.9)", "{\"a\":[1,2,3]}");
    assertResult("[[1,2],[3]]", "States.ArrayPartition($.a, 1.5)", "{\"a\":[1,2,3]}");
    assertResult("[[1,2],[3]]", "States.ArrayPartition($.a, 2.4)", "{\"a\":[1,2,3]}");
  }

  @Test
  void arrayPartition_rejectsAChunkSizeBelowOne() {
    assertInvalidArguments("States.ArrayPartition", "States.ArrayPartition($.a, 0)", "{\"a\":[1]}");
    assertInvalidArguments("States.ArrayPartition", "States.ArrayPartition($.a, 0.49)", "{\"a\":[1]}");
    assertInvalidArguments("States.ArrayPartition", "States.ArrayPartition($.a, -1)", "{\"a\":[1]}");
  }

  @Test
  void arrayPartition_rejectsANonArray() {
    assertInvalidArguments("States.ArrayPartition", "States.ArrayPartition($.a, 1)", "{\"a\":\"abc\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]                 | null          | false",
      "[]                 | []            | false",
      "[]                 | 1             | false",
      "[[1,2,3],2]        | null          | false",
      "[[1,2,3],2]        | [1,2,3]       | true",
      "[{\"1\":2,\"2\":[]}] | {\"2\":[],\"1\":2} | true",
      "[true,false]       | false         | true",
  })
  void arrayContains_comparesWholeJsonValues(String array, String value, String expected) {
    assertResult(expected, "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)",
        PAIR.formatted(array, value));
  }

  @Test
  void arrayContains_findsALiteral() {
    assertResult("true", "States.ArrayContains($.inputArray, 5)", INPUT_ARRAY);
  }

  @Test
  void arrayContains_rejectsANonArray() {
    assertInvalidArguments("States.ArrayContains", "States.ArrayContains($.a, 1)", "{\"a\":{}}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0, 9, 3   | [0,3,6,9]",
      "0, 10, 3  | [0,3,6,9]",
      "1, 10, 2  | [1,3,5,7,9]",
      "0, 3, 1   | [0,1,2,3]",
      "3, 3, -1  | [3]",
      "5, 1, -2  | [5,3,1]",
      "5, 1, 1   | []",
      "1, 5, -1  | []",
      "1.6, 5.9, 2.2 | [2,4,6]",
      "0.5, 4.4, 1.5 | [1,3]",
  })
  void arrayRange_countsFromStartToEndInclusive(String arguments, String expected) {
    assertResult(expected, "States.ArrayRange(" + arguments + ")", "{}");
  }

  @Test
  void arrayRange_readsPaths() {
    assertResult("[0,3,6,9]", "States.ArrayRange($.f.a, $.f.b, $.f.c)", "{\"f\":{\"a\":0,\"b\":9,\"c\":3}}");
  }

  @Test
  void arrayRange_allowsAThousandItemsButNotMore() {
    assertEquals(1000, eval("States.ArrayRange(1, 1000, 1)", "{}").size());
    assertEquals(1000, eval("States.ArrayRange(1000, 1, -1)", "{}").size());
    assertInvalidArguments("States.ArrayRange", "States.ArrayRange(1, 1001, 1)", "{}");
    assertInvalidArguments("States.ArrayRange", "States.ArrayRange(-2147483648, 2147483647, 1)", "{}");
  }

  @Test
  void arrayRange_rejectsAZeroStep() {
    assertInvalidArguments("States.ArrayRange", "States.ArrayRange(1, 10, 0)", "{}");
    assertInvalidArguments("States.ArrayRange", "States.ArrayRange(1, 10, 0.49)", "{}");
  }

  @Test
  void arrayRange_rejectsNonNumbersFromPaths() {
    assertInvalidArguments("States.ArrayRange", "States.ArrayRange($.a, 5, 1)", "{\"a\":\"1\"}");
  }

  @Test
  void arrayGetItem_returnsTheItemAtTheIndex() {
    assertResult("6", "States.ArrayGetItem($.FunctionInput.fst, $.FunctionInput.snd)",
        PAIR.formatted("[1,2,3,4,5,6,7,8,9]", "5"));
    assertResult("3", "States.ArrayGetItem($.inputArray, 2)", INPUT_ARRAY);
    assertResult("{\"b\":2}", "States.ArrayGetItem($.a, 1)", "{\"a\":[{\"a\":1},{\"b\":2}]}");
  }

  @Test
  void arrayGetItem_returnsTheSameNodeAsTheInputHolds() {
    io.stepwise.eval.Scope scope = Eval.scope("{\"a\":[{\"x\":1}]}");
    assertSame(scope.input().get("a").get(0), eval("States.ArrayGetItem($.a, 0)", scope));
  }

  @Test
  void arrayGetItem_cutsAFractionalIndexTowardsZero() {
    assertResult("20", "States.ArrayGetItem($.a, 1.2)", "{\"a\":[10,20,30]}");
  }

  @Test
  void arrayGetItem_rejectsAnIndexOutsideTheArray() {
    assertInvalidArguments("States.ArrayGetItem", "States.ArrayGetItem($.a, 3)", "{\"a\":[10,20,30]}");
    assertInvalidArguments("States.ArrayGetItem", "States.ArrayGetItem($.a, -1)", "{\"a\":[10,20,30]}");
  }

  @Test
  void arrayGetItem_rejectsANonArray() {
    assertInvalidArguments("States.ArrayGetItem", "States.ArrayGetItem($.a, 0)", "{\"a\":\"not-array\"}");
  }

  @Test
  void arrayLength_countsItems() {
    assertResult("6", "States.ArrayLength($.inputArray)", INPUT_ARRAY);
    assertResult("0", "States.ArrayLength($.a)", "{\"a\":[]}");
  }

  @Test
  void arrayLength_rejectsANonArray() {
    assertInvalidArguments("States.ArrayLength", "States.ArrayLength($.a)", "{\"a\":\"abc\"}");
  }

  @Test
  void arrayUnique_keepsTheFirstOfEachValueInOrder() {
    assertResult("[1,2,3,4]", "States.ArrayUnique($.duplicateArray)", INPUT_ARRAY);
    assertResult("[null,true,1,\"x\",[],{\"a\":1,\"b\":2},{\"a\":1}]", "States.ArrayUnique($.a)",
        "{\"a\":[null,null,true,true,1,1,\"x\",\"x\",[],[],{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"a\":1}]}");
  }

  @Test
  void arrayUnique_rejectsANonArray() {
    assertInvalidArguments("States.ArrayUnique", "States.ArrayUnique($.a)", "{\"a\":1}");
  }
}
