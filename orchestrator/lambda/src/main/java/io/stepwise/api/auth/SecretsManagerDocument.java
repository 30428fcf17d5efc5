package io.stepwise.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The access keys document as the text of a Secrets Manager secret; a missing secret holds no
 * keys. Called through the protocol-level caller, so no Secrets Manager SDK rides in the jar.
 */
public final class SecretsManagerDocument implements Supplier<String> {
  private static final AwsService SECRETS = AwsServiceCatalog.standard().service("secretsmanager").orElseThrow();
  private static final AwsOperation GET = SECRETS.operation("getSecretValue").orElseThrow();
  private static final AwsOperation PUT = SECRETS.operation("putSecretValue").orElseThrow();
  private static final AwsOperation CREATE = SECRETS.operation("createSecret").orElseThrow();
  private static final String NOT_FOUND = "ResourceNotFoundException";

  private final AwsApiCaller aws;
  private final AwsCredentialsProvider credentials;
  private final String region;
  private final String secretId;

  public SecretsManagerDocument(AwsApiCaller aws, AwsCredentialsProvider credentials, String region, String secretId) {
    this.aws = aws;
    this.credentials = credentials;
    this.region = region;
    this.secretId = secretId;
  }

  @Override
  public String get() {
    try {
      String text = call(GET, Json.object().put("SecretId", secretId)).path("SecretString").asText(null);
      return text == null || text.isBlank() ? "{}" : text;
    } catch (AwsApiException e) {
      if (NOT_FOUND.equals(e.code())) return "{}";
      throw failed("read", e);
    }
  }

  /** Stores {@code document} as the secret's new value, creating the secret if need be. */
  public void put(String document) {
    try {
      call(PUT, Json.object().put("SecretId", secretId).put("SecretString", document));
    } catch (AwsApiException e) {
      if (!NOT_FOUND.equals(e.code())) throw failed("write", e);
      try {
        call(CREATE, Json.object().put("Name", secretId).put("SecretString", document)
            .put("Description", "Stepwise API access keys: key id -> secret and IAM-style statements"));
      } catch (AwsApiException created) {
        throw failed("create", created);
      }
    }
  }

  private JsonNode call(AwsOperation operation, ObjectNode request) throws AwsApiException {
    return aws.call(SECRETS, operation, request, credentials.resolveCredentials(), region).body();
  }

  private IllegalStateException failed(String what, AwsApiException e) {
    return new IllegalStateException("could not " + what + " the access keys secret " + secretId + ": " + e.getMessage(), e);
  }
}
