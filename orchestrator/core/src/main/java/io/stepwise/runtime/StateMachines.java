package io.stepwise.runtime;

import io.stepwise.asl.Definitions;
import io.stepwise.asl.StateMachine;
import io.stepwise.json.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed state machines by ARN and version: versions never change, so they are cached for good. */
public final class StateMachines {
  private final StateMachineStore store;
  private final Map<String, StateMachine> parsed = new ConcurrentHashMap<>();

  public StateMachines(StateMachineStore store) {
    this.store = store;
  }

  public StateMachine get(String arn, int version) {
    return parsed.computeIfAbsent(arn + "#" + version, key -> Definitions.load(Json.parse(
        store.get(arn, version).orElseThrow(() -> new IllegalStateException(
            "state machine " + arn + " version " + version + " is not stored")).definition())));
  }

  public StateMachineStore store() {
    return store;
  }
}
