package io.stepwise.aws.credentials;

import java.time.Instant;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Credentials STS gave for a role, until {@code expiration}; {@code assumedRoleArn} is who they act as. */
public record RoleSession(AwsCredentialsIdentity credentials, Instant expiration, String assumedRoleArn) {}
