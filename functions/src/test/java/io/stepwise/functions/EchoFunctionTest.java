package io.stepwise.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import function.DoublesRolledError;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class EchoFunctionTest {
  final EchoFunction echo = new EchoFunction();
  final TestContext context = TestContext.of("echo");

  @ParameterizedTest
  @Event(value = "echo/upper.json", type = Map.class)
  void givenTransformUpper_whenHandled_thenEveryStringValueUppercasedAndControlFieldsDropped(Map<String, Object> event) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "ADA");
    expected.put("tags", List.of("X", Map.of("k", "V")));
    expected.put("count", 3);
    expected.put("ok", true);
    expected.put("none", null);

    assertEquals(expected, echo.handleRequest(event, context));
  }

  @Test
  void givenNoControlFields_whenHandled_thenReturnsTheInput() {
    Map<String, Object> input = Map.of("a", "Mixed", "b", List.of(1, 2));

    assertEquals(input, echo.handleRequest(input, context));
    assertEquals(Map.of(), echo.handleRequest(null, context));
  }

  @Test
  void givenTransformLower_whenHandled_thenLowercased() {
    assertEquals(Map.of("a", "mixed"), echo.handleRequest(Map.of("a", "MiXeD", "transform", "lower"), context));
  }

  @Test
  void givenAnUnknownTransform_whenHandled_thenIllegalArgument() {
    assertThrows(IllegalArgumentException.class,
        () -> echo.handleRequest(Map.of("transform", "reverse"), context));
  }

  @Test
  void givenSleepMillis_whenHandled_thenTakesAtLeastThatLong() {
    long start = System.nanoTime();

    Map<String, Object> output = echo.handleRequest(Map.of("sleepMillis", 50, "a", 1), context);

    assertTrue(System.nanoTime() - start >= 50_000_000L);
    assertEquals(Map.of("a", 1), output);
  }

  @Test
  void givenFailWithAClassName_whenHandled_thenThrowsThatClass() {
    Map<String, Object> fail = Map.of("errorType", "function.DoublesRolledError", "message", "Rolled doubles: 2 and 2");

    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> echo.handleRequest(Map.of("fail", fail), context));

    assertInstanceOf(DoublesRolledError.class, thrown);
    assertEquals("function.DoublesRolledError", thrown.getClass().getName()); // Step Functions' error
    assertEquals("Rolled doubles: 2 and 2", thrown.getMessage());
  }

  @Test
  void givenFailWithAJdkClassName_whenHandled_thenThrowsIt() {
    Map<String, Object> fail = Map.of("errorType", "java.lang.IllegalStateException", "message", "busy");

    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> echo.handleRequest(Map.of("fail", fail), context));

    assertEquals(IllegalStateException.class, thrown.getClass());
  }

  @Test
  void givenFailWithAnyOtherName_whenHandled_thenTaskFailureCarryingIt() {
    for (String type : Arrays.asList("Custom.Error", "java.lang.String", "java.lang.Exception", "States.TaskFailed")) {
      Map<String, Object> input = new HashMap<>();
      input.put("fail", Map.of("errorType", type, "message", "no luck"));

      TaskFailure thrown = assertThrows(TaskFailure.class, () -> echo.handleRequest(input, context));

      assertEquals(type, thrown.errorType());
      assertEquals(type + ": no luck", thrown.getMessage());
      assertEquals("io.stepwise.functions.TaskFailure", thrown.getClass().getName());
    }
  }
}
