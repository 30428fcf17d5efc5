package io.stepwise.runtime;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a StartExecution ARN runs: a machine's ARN runs its latest revision, a version's ARN
 * ({@code ...:stateMachine:NAME:3}) the revision it pinned, and an alias's ARN
 * ({@code ...:stateMachine:NAME:prod}) one of its versions, chosen by the routing weights.
 */
public final class StartTargets {
  private final StateMachineStore machines;
  private final PublishedVersions versions;
  private final MachineAliases aliases;
  private final RandomGenerator random;

  /** @param versions null where versions and aliases are not kept (then only machine ARNs start) */
  public StartTargets(StateMachineStore machines, PublishedVersions versions, MachineAliases aliases, RandomGenerator random) {
    this.machines = machines;
    this.versions = versions;
    this.aliases = aliases;
    this.random = random;
  }

  /** @param origin null when started by the machine's own ARN */
  public record Target(StateMachineStore.StateMachineRecord machine, ExecutionRecord.Origin origin) {}

  /** A machine, version or alias ARN split at its qualifier. */
  public record QualifiedArn(String machineArn, String qualifier) {
    public static QualifiedArn parse(String arn) {
      String[] parts = arn.split(":", -1);
      if (parts.length == 8) return new QualifiedArn(String.join(":", List.of(parts).subList(0, 7)), parts[7]);
      return new QualifiedArn(arn, null);
    }

    public boolean isVersion() {
      return qualifier != null && qualifier.chars().allMatch(Character::isDigit) && !qualifier.isEmpty();
    }

    public boolean isAlias() {
      return qualifier != null && !isVersion();
    }
  }

  public Target resolve(String arn) {
    QualifiedArn qualified = QualifiedArn.parse(arn);
    StateMachineStore.StateMachineRecord latest = machines.latest(qualified.machineArn()).orElseThrow(() -> missing(arn));
    if (qualified.qualifier() == null) return new Target(latest, null);
    if (versions == null) throw missing(arn);
    if (qualified.isVersion()) {
      PublishedVersions.Version version = versions.get(qualified.machineArn(), Integer.parseInt(qualified.qualifier()))
          .orElseThrow(() -> missing(arn));
      return new Target(revision(version), new ExecutionRecord.Origin(version.arn(), null));
    }
    MachineAliases.Alias alias = aliases.get(qualified.machineArn(), qualified.qualifier()).orElseThrow(() -> missing(arn));
    String versionArn = route(alias.routing());
    PublishedVersions.Version version = versions.get(qualified.machineArn(),
        Integer.parseInt(QualifiedArn.parse(versionArn).qualifier())).orElseThrow(() -> missing(versionArn));
    return new Target(revision(version), new ExecutionRecord.Origin(version.arn(), alias.arn()));
  }

  /** The weights add up to 100. */
  private String route(List<MachineAliases.Route> routing) {
    int roll = random.nextInt(100);
    for (MachineAliases.Route route : routing) {
      if (roll < route.weight()) return route.versionArn();
      roll -= route.weight();
    }
    return routing.get(routing.size() - 1).versionArn();
  }

  private StateMachineStore.StateMachineRecord revision(PublishedVersions.Version version) {
    Optional<StateMachineStore.StateMachineRecord> machine = machines.get(version.machineArn(), version.revision());
    return machine.orElseThrow(() -> new IllegalStateException("revision " + version.revision() + " of "
        + version.machineArn() + " is not stored"));
  }

  private static ApiException missing(String arn) {
    return new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }
}
