package io.stepwise.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Access keys read from a document (the Secrets Manager secret, or a file locally) and kept for
 * a short while. A key not in the copy held causes one early re-read, at most every few seconds,
 * so a key just issued works at once, while a flood of unknown keys cannot hammer the secret.
 * A revoked key stops working within {@link #REFRESH}.
 */
public final class SecretAccessKeys implements AccessKeys.Source {
  static final Duration REFRESH = Duration.ofSeconds(30);
  static final Duration MISS_REFRESH = Duration.ofSeconds(5);

  private final Supplier<String> document;
  private final InstantSource clock;
  private AccessKeys keys;
  private Instant readAt = Instant.MIN;

  /** @param document reads the keys document afresh (GetSecretValue, a file read) */
  public SecretAccessKeys(Supplier<String> document, InstantSource clock) {
    this.document = document;
    this.clock = clock;
  }

  @Override
  public synchronized Optional<AccessKeys.AccessKey> find(String accessKeyId) {
    Instant now = clock.instant();
    if (keys == null || now.isAfter(readAt.plus(REFRESH))) read(now);
    Optional<AccessKeys.AccessKey> key = keys.find(accessKeyId);
    if (key.isEmpty() && now.isAfter(readAt.plus(MISS_REFRESH))) {
      read(now);
      key = keys.find(accessKeyId);
    }
    return key;
  }

  private void read(Instant now) {
    keys = AccessKeys.parse(document.get());
    readAt = now;
  }
}
