package io.stepwise.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import function.DoublesRolledError;
import function.MaxDepthError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java Lambda runtime reports a thrown exception's errorType as getClass().getName(), and
 * Step Functions uses that errorType as the Task's error: these names are the seed state
 * machine's Retry and Catch.
 */
class ErrorTypeTest {
  static String errorType(Throwable thrown) {
    return thrown.getClass().getName(); // what the runtime puts in the error's errorType
  }

  @Test
  void givenTheExceptionClasses_whenNamed_thenTheSeedStateMachinesErrorNames() {
    assertEquals("function.MaxDepthError", MaxDepthError.class.getName());
    assertEquals("function.DoublesRolledError", DoublesRolledError.class.getName());
  }

  @Test
  void givenMaxDepth_whenTheHandlerThrows_thenErrorTypeIsFunctionMaxDepthError() {
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(0), new RecordingSelfInvoker());
    Map<String, Object> event = Map.of("max-depth", 1, "current-depth", 0, "error-rate", 0.2);

    RuntimeException thrown = assertThrows(RuntimeException.class, () -> function.handleRequest(event, null));

    assertEquals("function.MaxDepthError", errorType(thrown));
  }

  @Test
  void givenDoubles_whenTheHandlerThrows_thenErrorTypeIsFunctionDoublesRolledError() {
    RandomErrorFunction function = new RandomErrorFunction(Dice.seeded(4), new RecordingSelfInvoker());
    Map<String, Object> event = Map.of("max-depth", 5, "current-depth", 0, "error-rate", 0.2);

    RuntimeException thrown = assertThrows(RuntimeException.class, () -> function.handleRequest(event, null));

    assertEquals("function.DoublesRolledError", errorType(thrown));
  }
}
