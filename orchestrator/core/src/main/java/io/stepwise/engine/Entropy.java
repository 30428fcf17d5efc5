package io.stepwise.engine;

import java.security.SecureRandom;
import java.util.Base64;

/** Where the engine gets task tokens: injected so steps stay reproducible in tests. */
public interface Entropy {
  /** A fresh, unguessable task token. */
  String taskToken();

  /** Secure random tokens, for real runs. */
  static Entropy secure() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] bytes = new byte[48];
      random.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    };
  }
}
