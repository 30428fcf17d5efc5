package io.stepwise.aws.credentials;

import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.engine.Command;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Task calls run as the state machine's {@code roleArn}, assumed through STS with the
 * orchestrator's own credentials; a Task's {@code Credentials} role is then assumed by the
 * machine's role, as Step Functions chains them. The orchestrator's own credentials never sign a
 * Task's call: when a role cannot be assumed, the Task fails.
 */
public final class MachineRoleCredentials implements TaskCredentials {
  /** RoleSessionName's limits: 2 to 64 characters of {@code [\w+=,.@-]}. */
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\w+=,.@-]");
  private static final int MAX_SESSION_NAME = 64;

  private final AwsCredentialsProvider orchestrator;
  private final StsAssumeRole sts;
  private final RoleSessionCache cache;

  public MachineRoleCredentials(AwsCredentialsProvider orchestrator, StsAssumeRole sts, RoleSessionCache cache) {
    this.orchestrator = orchestrator;
    this.sts = sts;
    this.cache = cache;
  }

  @Override
  public AwsCredentialsIdentity forTask(Command.InvokeTask call, String region) throws AccessDenied {
    Command.TaskRole role = call.role() == null ? Command.TaskRole.NONE : call.role();
    if (role.machineRoleArn() == null || role.machineRoleArn().isEmpty()) {
      throw new AccessDenied("The state machine has no roleArn, so its Task '" + call.stateName() + "' cannot run: "
          + "Stepwise runs Task calls only with the state machine's role");
    }
    String session = sessionName(call.executionArn());
    try {
      RoleSession machine = cache.get(new RoleSessionCache.Key(null, role.machineRoleArn(), session),
          () -> sts.assume(role.machineRoleArn(), session, orchestrator.resolveCredentials()));
      if (role.credentialsRoleArn() == null) return machine.credentials();
      RoleSession target = cache.get(new RoleSessionCache.Key(role.machineRoleArn(), role.credentialsRoleArn(), session),
          () -> sts.assume(role.credentialsRoleArn(), session, machine.credentials()));
      return target.credentials();
    } catch (AssumeRoleFailure e) {
      throw new AccessDenied("Task '" + call.stateName() + "' could not get credentials: " + e.getMessage());
    }
  }

  /**
   * {@code stepwise-MACHINE}, from the execution ARN ({@code arn:aws:states:R:A:execution:MACHINE:NAME}),
   * so CloudTrail shows which machine made a call; one session per machine and role keeps the
   * cache small.
   */
  static String sessionName(String executionArn) {
    String[] parts = executionArn == null ? new String[0] : executionArn.split(":");
    String machine = parts.length > 6 ? parts[6] : "task";
    String name = NOT_ALLOWED.matcher("stepwise-" + machine).replaceAll("-");
    return name.length() > MAX_SESSION_NAME ? name.substring(0, MAX_SESSION_NAME) : name;
  }
}
