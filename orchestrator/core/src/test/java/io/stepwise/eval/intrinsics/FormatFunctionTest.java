package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertInvalidArguments;
import static io.stepwise.eval.intrinsics.Eval.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.Format, with the renderings AWS recorded. */
class FormatFunctionTest {
  private static final String TWO = "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)";

  private static String format(String expression, String inputJson) {
    return Eval.eval(expression, inputJson).textValue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"\"            | Formatting arguments fst= and snd=.",
      "\" \"           | 'Formatting arguments fst=  and snd= .'",
      "\"HelloWorld\"  | Formatting arguments fst=HelloWorld and snd=HelloWorld.",
      "null            | Formatting arguments fst=null and snd=null.",
      "1               | Formatting arguments fst=1 and snd=1.",
      "1.1             | Formatting arguments fst=1.1 and snd=1.1.",
  })
  void format_insertsScalarsAsAwsPrintsThem(String value, String expected) {
    assertEquals(expected, format(TWO, "{\"FunctionInput\":{\"fst\":" + value + ",\"snd\":" + value + "}}"));
  }

  @Test
  void format_insertsNumbersWithoutTrailingZero() {
    assertEquals("3 and -1 and 2.5", format("States.Format('{} and {} and {}', States.MathAdd(1.5, 1), $.n, $.f)",
        "{\"n\":-1,\"f\":2.5}"));
  }

  @Test
  void format_insertsStringsRawEvenWhenTheyHoldJson() {
    assertEquals("Formatting argument {\"Arg1\": 1, \"Arg2\": []}.",
        format("States.Format('Formatting argument {}.', $.FunctionInput)",
            "{\"FunctionInput\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}"));
  }

  @Test
  void format_printsObjectsAndArraysAsJavaMapsAndLists() {
    assertEquals("Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.",
        format(TWO, "{\"FunctionInput\":{\"fst\":{\"Arg1\":1,\"Arg2\":[]},\"snd\":{\"Arg1\":1,\"Arg2\":[]}}}"));
    assertEquals("[a, 1, null, true, {k=[x]}]", format("States.Format('{}', $.a)",
        "{\"a\":[\"a\",1,null,true,{\"k\":[\"x\"]}]}"));
  }

  @Test
  void format_insertsJsonToStringOutputVerbatim() {
    assertEquals("arn:lambda:{\"k\":1}", format("States.Format('arn:{}:{}', $.svc, States.JsonToString($.obj))",
        "{\"svc\":\"lambda\",\"obj\":{\"k\":1}}"));
  }

  @Test
  void format_keepsEscapedCharactersOfALiteralTemplate() {
    assertEquals("Name: 'Ada', braces: {} and \\", format(
        "States.Format('Name: \\'{}\\', braces: \\{\\} and \\\\', $.name)", "{\"name\":\"Ada\"}"));
  }

  @Test
  void format_withoutPlaceholdersReturnsTheTemplate() {
    assertResult("\"no placeholders\"", "States.Format('no placeholders')", "{}");
  }

  @Test
  void format_readsTheTemplateFromAPath() {
    assertEquals("Hello, my name is Arnav.", format("States.Format($.template, $.name)",
        "{\"name\":\"Arnav\",\"template\":\"Hello, my name is {}.\"}"));
  }

  @Test
  void format_readsTheTemplateFromAVariableAndTheValueFromTheContext() {
    Scope scope = new Scope(Json.object(), Json.parse("{\"Map\":{\"Item\":{\"Value\":\"Pikachu\"}}}"),
        Map.of("AnswerTemplate", Json.text("It's {}!")), Sources.fixed(java.time.Instant.EPOCH, 7));
    JsonNode result = Eval.eval("States.Format($AnswerTemplate, $$.Map.Item.Value)", scope);
    assertEquals("It's Pikachu!", result.textValue());
  }

  @Test
  void format_printsTheContextObjectLikeAws() {
    Scope scope = new Scope(Json.object(),
        Json.parse("{\"Execution\":{\"Id\":\"arn:exec\"},\"StateMachine\":{\"Id\":\"arn:sm\",\"Name\":\"sm\"}}"), Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
    assertEquals("fst=arn:exec and snd={Id=arn:sm, Name=sm}.",
        Eval.eval("States.Format('fst={} and snd={}.', $$.Execution.Id, $$.StateMachine)", scope).textValue());
  }

  @Test
  void format_rejectsATemplateFromAPathWhosePlaceholdersDoNotMatch() {
    assertInvalidArguments("States.Format", "States.Format($.t, $.a)", "{\"t\":\"{} {}\",\"a\":1}");
    assertInvalidArguments("States.Format", "States.Format($.t, $.a)", "{\"t\":\"none\",\"a\":1}");
  }

  @Test
  void format_rejectsATemplateFromAPathWithAStrayBrace() {
    assertInvalidArguments("States.Format", "States.Format($.t, $.a)", "{\"t\":\"Hello {\",\"a\":1}");
  }

  @Test
  void format_rejectsANonStringTemplate() {
    assertInvalidArguments("States.Format", "States.Format($.t, $.a)", "{\"t\":123,\"a\":1}");
  }
}
