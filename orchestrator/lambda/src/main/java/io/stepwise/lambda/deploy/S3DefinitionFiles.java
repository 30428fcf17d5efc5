package io.stepwise.lambda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Reads a DefinitionS3Location with S3's GetObject, through the same protocol-level caller as the
 * tasks' {@code aws-sdk:s3} calls, so no S3 SDK is needed in the jar.
 */
public final class S3DefinitionFiles implements DefinitionFiles {
  private final AwsApiCaller aws;
  private final AwsCredentialsProvider credentials;
  private final String region;
  private final AwsService s3 = AwsServiceCatalog.standard().service("s3").orElseThrow();
  private final AwsOperation getObject = s3.operation("getObject").orElseThrow();

  public S3DefinitionFiles(AwsApiCaller aws, AwsCredentialsProvider credentials, String region) {
    this.aws = aws;
    this.credentials = credentials;
    this.region = region;
  }

  @Override
  public String read(String bucket, String key, String version) {
    ObjectNode parameters = Json.object().put("Bucket", bucket).put("Key", key);
    if (version != null && !version.isBlank()) parameters.put("VersionId", version);
    try {
      JsonNode body = aws.call(s3, getObject, parameters, credentials.resolveCredentials(), region).body().get("Body");
      if (body == null) throw new IllegalArgumentException("s3://" + bucket + "/" + key + " has no body");
      return body.isTextual() ? body.textValue() : Json.write(body);
    } catch (AwsApiException e) {
      throw new IllegalArgumentException("cannot read DefinitionS3Location s3://" + bucket + "/" + key + ": "
          + e.error() + ": " + e.getMessage(), e);
    }
  }
}
