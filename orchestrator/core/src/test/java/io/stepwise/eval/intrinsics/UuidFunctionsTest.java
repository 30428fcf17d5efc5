package io.stepwise.eval.intrinsics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.eval.Scope;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** States.UUID. */
class UuidFunctionsTest {
  private static final Scope EMPTY = Eval.scope("{}");

  @Test
  void uuid_isARandomVersion4Uuid() {
    String text = Eval.eval("States.UUID()", "{}").textValue();
    assertTrue(text.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), text);
    UUID uuid = UUID.fromString(text);
    assertEquals(4, uuid.version());
    assertEquals(2, uuid.variant());
  }

  @Test
  void uuid_comesFromTheStepsSeededSource() {
    IntrinsicCall call = Intrinsics.parse("States.UUID()");
    assertEquals(call.evaluate(Eval.seeded(EMPTY, 42)), call.evaluate(Eval.seeded(EMPTY, 42)));
    assertNotEquals(call.evaluate(Eval.seeded(EMPTY, 42)), call.evaluate(Eval.seeded(EMPTY, 43)));
  }

  @Test
  void uuid_twoCallsInOneStepDiffer() {
    IntrinsicCall call = Intrinsics.parse("States.UUID()");
    assertNotEquals(call.evaluate(EMPTY), call.evaluate(EMPTY));
  }
}
