package io.stepwise.tests.template;

import io.stepwise.runtime.StateMachineStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** State machine versions in a list: the custom resource's store in unit tests. */
final class InMemoryStateMachineStore implements StateMachineStore {
  final List<StateMachineRecord> versions = new ArrayList<>();

  @Override
  public synchronized int put(StateMachineRecord machine) {
    int version = latest(machine.arn()).map(StateMachineRecord::version).orElse(0) + 1;
    versions.add(new StateMachineRecord(machine.arn(), machine.name(), version, machine.definition(),
        machine.roleArn(), machine.type()));
    return version;
  }

  @Override
  public synchronized Optional<StateMachineRecord> get(String arn, int version) {
    return versions.stream().filter(v -> v.arn().equals(arn) && v.version() == version).findFirst();
  }

  @Override
  public synchronized Optional<StateMachineRecord> latest(String arn) {
    return versions.stream().filter(v -> v.arn().equals(arn)).reduce((a, b) -> b);
  }
}
