package io.stepwise.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** State machine definitions, versioned: an execution keeps the version it started with. */
public interface StateMachineStore {
  /** Stores a new version; returns its number (1, 2, ...). */
  int put(StateMachineRecord machine);

  Optional<StateMachineRecord> get(String stateMachineArn, int version);

  /** The latest version; empty when there is none or the machine was deleted. */
  Optional<StateMachineRecord> latest(String stateMachineArn);

  /** The latest version with its dates; empty when there is none or the machine was deleted. */
  Optional<Described> describe(String stateMachineArn);

  /** One version with its dates (versions of a deleted machine stay readable for its executions). */
  Optional<Described> describe(String stateMachineArn, int version);

  /**
   * Machines in ARN order, from an index that may lag by a moment.
   *
   * @param after the {@code nextCursor} of the previous page, null for the first page
   */
  MachinePage list(String after, int max);

  /**
   * Deletes the machine: it no longer describes, lists or starts executions, and its name can be
   * used again. Its versions stay readable, so executions already running finish on them.
   *
   * @return false when there was no such machine (deleting is idempotent)
   */
  boolean delete(String stateMachineArn);

  /** @param definition the ASL JSON text */
  record StateMachineRecord(String arn, String name, int version, String definition, String roleArn, String type) {}

  /**
   * A version with its dates (null for versions stored before dates were kept).
   *
   * @param creationDate when the machine was created
   * @param updateDate when this version was stored
   */
  record Described(StateMachineRecord machine, Instant creationDate, Instant updateDate) {}

  /** A machine as ListStateMachines shows it. */
  record MachineSummary(String arn, String name, String type, Instant creationDate) {}

  /** A page of machines and the cursor of the next one (null when there is none). */
  record MachinePage(List<MachineSummary> machines, String nextCursor) {}
}
