package io.stepwise.runtime;

import java.util.Optional;

/** State machine definitions, versioned: an execution keeps the version it started with. */
public interface StateMachineStore {
  /** Stores a new version; returns its number (1, 2, ...). */
  int put(StateMachineRecord machine);

  Optional<StateMachineRecord> get(String stateMachineArn, int version);

  Optional<StateMachineRecord> latest(String stateMachineArn);

  /** @param definition the ASL JSON text */
  record StateMachineRecord(String arn, String name, int version, String definition, String roleArn, String type) {}
}
