package io.stepwise.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.engine.ExecutionStatus;

import org.junit.jupiter.api.Test;

class PrimingTest {
  @Test
  void givenNoCracRuntime_whenPrimed_thenTheDummyExecutionRunsEveryKindOfStateWithoutAws() {
    Priming.register(); // a no-op outside a CRaC (SnapStart) runtime
    Priming.register();

    assertEquals(ExecutionStatus.SUCCEEDED, Priming.exercise()); // Pass, Choice, Task, Map and Wait, none calling AWS
  }

  @Test
  void whenPrimed_thenTheClientsMakeATransitionsCalls_answeredInMemory() {
    // GetItem, PutItem, UpdateItem, Query and SendMessage, each through the SDK's whole call path
    // (the SQS client checks the answer's MD5 against the body it sent), none leaving the JVM.
    assertEquals(5, Priming.primeClients());
  }
}
