package io.stepwise.driver.mocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

class CaseMocksTest {
  private static final String DEFINITION = """
      {"StartAt": "Outer", "States": {
        "Outer": {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"},
          "StartAt": "Invoke", "States": {
            "Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Bare"},
            "Bare": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Next": "Queue"},
            "Queue": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}},
        "Inline": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "End": true}}}""";

  private static Command.InvokeTask call(String state, String resource, String payload) {
    return new Command.InvokeTask("arn", state, resource, Json.parse(payload), null, null, null, null);
  }

  @Test
  void lambdaInsideADistributedMap_withoutMock_isAnsweredByAnIdentityFunction() {
    CaseMocks mocks = new CaseMocks(Json.object(), Json.parse(DEFINITION));
    assertEquals(Json.parse("{\"ExecutedVersion\": \"$LATEST\", \"Payload\": {\"job\": 1}, \"StatusCode\": 200}"),
        mocks.invoke(call("Invoke", "arn:aws:states:::lambda:invoke", "{\"FunctionName\": \"f\", \"Payload\": {\"job\": 1}}")).result());
    assertEquals(Json.parse("{\"x\": 2}"), mocks.invoke(call("Bare", "arn:aws:lambda:us-east-1:1:function:f", "{\"x\": 2}")).result());
  }

  @Test
  void otherTasksWithoutMock_areRefusedByName() {
    CaseMocks mocks = new CaseMocks(Json.object(), Json.parse(DEFINITION));
    assertThrows(UnsupportedTaskException.class, () -> mocks.invoke(call("Queue", "arn:aws:states:::sqs:sendMessage", "{}")));
    assertThrows(UnsupportedTaskException.class, () -> mocks.invoke(call("Inline", "arn:aws:lambda:us-east-1:1:function:f", "{}")));
  }

  @Test
  void numberedResponses_answerEachCallInTurn_andTheLastAnswersTheRest() {
    CaseMocks mocks = new CaseMocks(Json.parse("""
        {"Inline": {"responses": [{"return": {"n": 0}}, {"error": "E", "cause": "C"}, {"return": {"n": 2}}]}}"""), null);
    String fn = "arn:aws:lambda:us-east-1:1:function:f";
    assertEquals(Json.parse("{\"n\": 0}"), mocks.invoke(call("Inline", fn, "{}")).result());
    assertEquals("E", mocks.invoke(call("Inline", fn, "{}")).error());
    assertEquals(Json.parse("{\"n\": 2}"), mocks.invoke(call("Inline", fn, "{}")).result());
    assertEquals(Json.parse("{\"n\": 2}"), mocks.invoke(call("Inline", fn, "{}")).result());
  }
}
