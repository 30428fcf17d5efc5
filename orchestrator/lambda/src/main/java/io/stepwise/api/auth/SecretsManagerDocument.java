package io.stepwise.api.auth;

import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The access keys document as the text of a Secrets Manager secret; a missing secret holds no keys. */
public final class SecretsManagerDocument implements Supplier<String> {
  private final SecretsManagerClient secrets;
  private final String secretId;

  public SecretsManagerDocument(SecretsManagerClient secrets, String secretId) {
    this.secrets = secrets;
    this.secretId = secretId;
  }

  @Override
  public String get() {
    try {
      String text = secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
      return text == null || text.isBlank() ? "{}" : text;
    } catch (ResourceNotFoundException e) {
      return "{}";
    }
  }

  /** Stores {@code document} as the secret's new value, creating the secret if need be. */
  public void put(String document) {
    try {
      secrets.putSecretValue(r -> r.secretId(secretId).secretString(document));
    } catch (ResourceNotFoundException e) {
      secrets.createSecret(r -> r.name(secretId).secretString(document)
          .description("Stepwise API access keys: key id -> secret and IAM-style statements"));
    }
  }
}
