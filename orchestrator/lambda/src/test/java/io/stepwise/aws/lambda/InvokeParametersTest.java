package io.stepwise.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/** Reading Invoke's fields from a Task's Parameters: pure. */
class InvokeParametersTest {
  private static InvokeParameters read(String json) {
    return InvokeParameters.fromService(Json.parse(json));
  }

  @Test
  void givenAllSupportedFields_whenRead_thenEachIsCarriedOver() {
    InvokeParameters p = read("{\"FunctionName\":\"f\",\"Payload\":{\"a\":[1,2]},\"InvocationType\":\"Event\","
        + "\"LogType\":\"Tail\",\"ClientContext\":\"e30=\",\"Qualifier\":\"live\"}");

    assertEquals(new InvokeParameters("f", "{\"a\":[1,2]}", "Event", "Tail", "e30=", "live"), p);
  }

  @Test
  void givenStringPayloadHoldingJson_whenRead_thenTheTextIsSentAsItIs() {
    assertEquals("{\"a\":1}", read("{\"FunctionName\":\"f\",\"Payload\":\"{\\\"a\\\":1}\"}").payload());
    // Case lambda_task_service__invoke_bytes_payload: the string is itself a JSON string literal.
    assertEquals("\"'{'Hello':'World'}'\"",
        read("{\"FunctionName\":\"f\",\"Payload\":\"\\\"'{'Hello':'World'}'\\\"\"}").payload());
  }

  @Test
  void givenStringPayloadThatIsNotJson_whenRead_thenItIsSentAsAJsonString() {
    assertEquals("\"'{'Hello':'World'}'\"", read("{\"FunctionName\":\"f\",\"Payload\":\"'{'Hello':'World'}'\"}").payload());
    assertEquals("\"Ada\"", read("{\"FunctionName\":\"f\",\"Payload\":\"Ada\"}").payload());
    assertEquals("\"\"", read("{\"FunctionName\":\"f\",\"Payload\":\"\"}").payload());
  }

  @Test
  void givenFunctionArnResourceWithStringInput_whenRead_thenTheInputIsSentAsJson() {
    assertEquals("\"{\\\"a\\\":1}\"", InvokeParameters.forFunctionArn("arn", Json.text("{\"a\":1}")).payload());
  }

  @Test
  void givenNullOrMissingPayload_whenRead_thenTheEmptyObjectIsSent() {
    assertEquals("{}", read("{\"FunctionName\":\"f\",\"Payload\":null}").payload());
    assertEquals("{}", read("{\"FunctionName\":\"f\"}").payload());
  }

  @Test
  void givenOnlyFunctionName_whenRead_thenOptionalFieldsAreNull() {
    InvokeParameters p = read("{\"FunctionName\":\"f\"}");

    assertNull(p.invocationType());
    assertNull(p.qualifier());
    assertNull(p.clientContext());
  }

  @Test
  void givenNonStringFunctionName_whenRead_thenItIsUsedAsItsJsonText() {
    assertEquals("42", read("{\"FunctionName\":42}").functionName());
  }

  @Test
  void givenUnsupportedField_whenRead_thenStatesRuntimeNamesIt() {
    StatesError e = assertThrows(StatesError.class, () -> read("{\"FunctionName\":\"f\",\"Foo\":1}"));

    assertEquals("States.Runtime", e.error());
    assertEquals("The field \"Foo\" is not supported by Step Functions", e.cause());
  }

  @Test
  void givenNoFunctionName_whenRead_thenStatesRuntime() {
    assertEquals("States.Runtime", assertThrows(StatesError.class, () -> read("{\"Payload\":{}}")).error());
  }

  @Test
  void givenParametersThatAreNotAnObject_whenRead_thenStatesRuntime() {
    assertEquals("States.Runtime", assertThrows(StatesError.class, () -> read("[1]")).error());
  }

  @Test
  void givenFunctionArnResource_whenRead_thenTheInputIsThePayloadOfASynchronousCall() {
    InvokeParameters p = InvokeParameters.forFunctionArn("arn:aws:lambda:us-east-1:1:function:f", Json.parse("[true]"));

    assertEquals(new InvokeParameters("arn:aws:lambda:us-east-1:1:function:f", "[true]", "RequestResponse", null, null, null), p);
  }
}
