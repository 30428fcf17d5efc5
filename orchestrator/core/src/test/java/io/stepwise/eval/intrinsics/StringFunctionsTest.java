package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertInvalidArguments;
import static io.stepwise.eval.intrinsics.Eval.assertResult;

import io.stepwise.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** States.StringSplit. */
class StringFunctionsTest {
  private static String pair(String text, String delimiters) {
    return "{\"FunctionInput\":{\"fst\":" + Json.write(Json.text(text)) + ",\"snd\":"
        + Json.write(Json.text(delimiters)) + "}}";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "` , `                     | `,`    | [\" \",\" \"]",
      "`, , ,`                   | `,`    | [\" \",\" \"]",
      "`This.is+a,test=string`   | `.+,=` | [\"This\",\"is\",\"a\",\"test\",\"string\"]",
      "`a,b,c,d,e`               | `,`    | [\"a\",\"b\",\"c\",\"d\",\"e\"]",
      "`abc`                     | `,`    | [\"abc\"]",
      "`,,,`                     | `,`    | []",
  })
  void stringSplit_splitsAtEachDelimiterCharacterAndDropsEmptyPieces(String text, String delimiters, String expected) {
    assertResult(expected, "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)", pair(text, delimiters));
  }

  @Test
  void stringSplit_treatsControlCharactersAsDelimitersToo() {
    assertResult("[\"split on \",\" and \",\"new line\"]",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)", pair("split on T and \nnew line", "T\n"));
    assertResult("[\"Hello\",\"World\"]", "States.StringSplit('Hello\nWorld', '\n')", "{}");
  }

  @Test
  void stringSplit_atOneDelimiterKeepsSurrogatePairsAndDelimitersAtTheEnds() {
    assertResult("[\"\ud83d\ude00a\",\"b\u00e9\ud83d\ude00\"]",
        "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)", pair("-\ud83d\ude00a--b\u00e9\ud83d\ude00-", "-"));
    assertResult("[\"a\",\"b\"]", "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)", pair("a\ud83d\ude00b", "\ud83d\ude00"));
  }

  @Test
  void stringSplit_rejectsNonStrings() {
    assertInvalidArguments("States.StringSplit", "States.StringSplit($.a, ',')", "{\"a\":[\"a,b\"]}");
    assertInvalidArguments("States.StringSplit", "States.StringSplit('a,b', $.d)", "{\"d\":1}");
  }
}
