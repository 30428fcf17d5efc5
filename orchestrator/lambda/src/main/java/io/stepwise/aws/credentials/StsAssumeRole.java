package io.stepwise.aws.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * STS AssumeRole through the protocol-level caller (STS speaks the query protocol), so the Lambda
 * jar needs no STS SDK.
 */
public final class StsAssumeRole {
  /** STS's default session length; a chained session may not be longer. */
  static final int DURATION_SECONDS = 3600;

  private final AwsApiCaller aws;
  private final AwsService sts;
  private final AwsOperation assumeRole;
  private final String region;

  public StsAssumeRole(AwsApiCaller aws, String region) {
    this.aws = aws;
    this.sts = AwsServiceCatalog.standard().service("sts").orElseThrow();
    this.assumeRole = sts.operation("assumeRole").orElseThrow();
    this.region = region;
  }

  /** @param as who asks: the orchestrator's own credentials, or another role's session */
  public RoleSession assume(String roleArn, String sessionName, AwsCredentialsIdentity as) throws AssumeRoleFailure {
    JsonNode request = Json.object().put("RoleArn", roleArn).put("RoleSessionName", sessionName)
        .put("DurationSeconds", DURATION_SECONDS);
    JsonNode body;
    try {
      body = aws.call(sts, assumeRole, request, as, region).body();
    } catch (AwsApiException e) {
      String error = e.code() != null ? e.code() : e.error();
      throw new AssumeRoleFailure("STS AssumeRole of '" + roleArn + "' failed: " + error
          + (e.serviceMessage() == null ? "" : ": " + e.serviceMessage()));
    } catch (AwsEndpoints.MissingEndpointException e) {
      throw new AssumeRoleFailure("STS AssumeRole of '" + roleArn + "' failed: " + e.getMessage());
    }
    JsonNode c = body.path("Credentials");
    if (!c.hasNonNull("AccessKeyId") || !c.hasNonNull("SecretAccessKey") || !c.hasNonNull("SessionToken")) {
      throw new AssumeRoleFailure("STS AssumeRole of '" + roleArn + "' answered without credentials");
    }
    AwsCredentialsIdentity credentials = AwsSessionCredentialsIdentity.create(c.get("AccessKeyId").asText(),
        c.get("SecretAccessKey").asText(), c.get("SessionToken").asText());
    return new RoleSession(credentials, expiration(roleArn, c.path("Expiration")),
        body.path("AssumedRoleUser").path("Arn").asText(null));
  }

  /** The query protocol's timestamps arrive as ISO-8601 text; epoch seconds are read too. */
  private static Instant expiration(String roleArn, JsonNode value) throws AssumeRoleFailure {
    try {
      if (value.isNumber()) return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new AssumeRoleFailure("STS AssumeRole of '" + roleArn + "' answered an unreadable Expiration: " + value);
    }
  }
}
