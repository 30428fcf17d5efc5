package io.stepwise.functions;

/**
 * Configuration read from a system property or, failing that, an environment variable.
 *
 * <p>On Lambda the environment variables are what the SAM template sets. The system property is
 * there for hosts that run these handlers inside their own JVM (the local stack, tests), where
 * per-function environment variables are impossible; it takes precedence, as in the AWS SDK.
 */
final class Settings {
  private Settings() {}

  /** The value, or null when neither the property nor the variable is set to a non-blank value. */
  static String get(String property, String environmentVariable) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
