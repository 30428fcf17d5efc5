package io.stepwise.runtime.memory;

import io.stepwise.runtime.StateMachineStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link StateMachineStore} in a list of versions. */
public final class InMemoryStateMachineStore implements StateMachineStore {
  private final List<StateMachineRecord> versions = new ArrayList<>();
  private final java.util.Set<String> deleted = new java.util.HashSet<>();

  /** Every version stored, in order. */
  public synchronized List<StateMachineRecord> versions() {
    return List.copyOf(versions);
  }

  @Override
  public synchronized int put(StateMachineRecord machine) {
    deleted.remove(machine.arn());
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
    if (deleted.contains(arn)) return Optional.empty();
    return versions.stream().filter(v -> v.arn().equals(arn)).reduce((a, b) -> b);
  }

  @Override
  public synchronized Optional<Described> describe(String arn) {
    return latest(arn).map(m -> new Described(m, null, null));
  }

  @Override
  public synchronized Optional<Described> describe(String arn, int version) {
    return get(arn, version).map(m -> new Described(m, null, null));
  }

  @Override
  public synchronized MachinePage list(String after, int max) {
    List<MachineSummary> machines = versions.stream().map(StateMachineRecord::arn).distinct().sorted()
        .filter(arn -> !deleted.contains(arn) && (after == null || arn.compareTo(after) > 0)).limit(max)
        .map(arn -> latest(arn).orElseThrow())
        .map(m -> new MachineSummary(m.arn(), m.name(), m.type(), null)).toList();
    return new MachinePage(machines, null);
  }

  @Override
  public synchronized boolean delete(String arn) {
    // Versions stay readable for running executions, as the contract says.
    return latest(arn).isPresent() && deleted.add(arn);
  }
}
