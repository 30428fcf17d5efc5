package io.stepwise.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The entered and exited event types of each state type, named once instead of concatenated per event. */
final class EventTypes {
  private static final List<String> STATE_TYPES = List.of("Pass", "Choice", "Task", "Wait", "Succeed", "Fail", "Parallel", "Map");
  private static final Map<String, String> ENTERED = new HashMap<>();
  private static final Map<String, String> EXITED = new HashMap<>();

  static {
    for (String type : STATE_TYPES) {
      ENTERED.put(type, type + "StateEntered");
      EXITED.put(type, type + "StateExited");
    }
  }

  private EventTypes() {}

  /** {@code PassStateEntered} for {@code Pass} and {@code true}, {@code PassStateExited} for {@code false}. */
  static String of(String stateType, boolean entered) {
    String name = entered ? ENTERED.get(stateType) : EXITED.get(stateType);
    if (name != null) return name;
    return stateType + (entered ? "StateEntered" : "StateExited");
  }
}
