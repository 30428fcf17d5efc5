package io.stepwise.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class CallbackWorkerFunctionTest {
  static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAT";

  final RecordingTaskCallbacks callbacks = new RecordingTaskCallbacks();
  final CallbackWorkerFunction function = new CallbackWorkerFunction(callbacks);
  final TestContext context = TestContext.of("callback-worker");

  @ParameterizedTest
  @Event(value = "callback/success.json", type = Map.class)
  void givenSucceed_whenHandled_thenSendsTaskSuccessWithOutputAsJson(Map<String, Object> event) {
    Map<String, Object> result = function.handleRequest(event, context);

    assertEquals(Map.of("sent", "SendTaskSuccess"), result);
    assertEquals(List.of(new RecordingTaskCallbacks.Success(TOKEN,
        "{\"order\":17,\"items\":[\"a\",\"b\"],\"total\":12.5}")), callbacks.sent);
  }

  @ParameterizedTest
  @Event(value = "callback/failure.json", type = Map.class)
  void givenSucceedFalse_whenHandled_thenSendsTaskFailureWithErrorAndCause(Map<String, Object> event) {
    Map<String, Object> result = function.handleRequest(event, context);

    assertEquals(Map.of("sent", "SendTaskFailure"), result);
    assertEquals(List.of(new RecordingTaskCallbacks.Failure(TOKEN, "Order.Rejected", "out of stock")), callbacks.sent);
  }

  @Test
  void givenOnlyAToken_whenHandled_thenSucceedsWithAnEmptyObject() {
    function.handleRequest(Map.of("taskToken", "t"), context);

    assertEquals(List.of(new RecordingTaskCallbacks.Success("t", "{}")), callbacks.sent);
  }

  @Test
  void givenFailureWithoutErrorOrCause_whenHandled_thenSendsNulls() {
    function.handleRequest(Map.of("taskToken", "t", "succeed", false), context);

    assertEquals(List.of(new RecordingTaskCallbacks.Failure("t", null, null)), callbacks.sent);
  }

  @Test
  void givenAStringOutput_whenHandled_thenSendsAJsonString() {
    function.handleRequest(Map.of("taskToken", "t", "output", "done \"now\""), context);

    assertEquals(List.of(new RecordingTaskCallbacks.Success("t", "\"done \\\"now\\\"\"")), callbacks.sent);
  }

  @Test
  void givenNoToken_whenHandled_thenIllegalArgumentAndNothingSent() {
    assertThrows(IllegalArgumentException.class, () -> function.handleRequest(Map.of("succeed", true), context));
    assertThrows(IllegalArgumentException.class, () -> function.handleRequest(null, context));
    assertThrows(IllegalArgumentException.class,
        () -> function.handleRequest(Map.of("taskToken", "t", "succeed", "yes"), context));
    assertTrue(callbacks.sent.isEmpty());
  }
}
