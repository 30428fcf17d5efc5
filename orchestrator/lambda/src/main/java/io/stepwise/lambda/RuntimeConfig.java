package io.stepwise.lambda;

import java.time.Duration;
import java.util.Map;

/**
 * The runtime's settings, from the function's environment.
 *
 * @param lease how long a worker holds a transition: at least the function timeout, so a live
 *     worker is never overtaken
 * @param retention how long finished executions are kept (TTL), null for ever
 */
public record RuntimeConfig(String table, String queueUrl, Duration lease, Duration retention) {
  public RuntimeConfig(String table, String queueUrl, Duration lease) {
    this(table, queueUrl, lease, null);
  }

  public static RuntimeConfig fromEnvironment(Map<String, String> env) {
    String retentionDays = env.get("STEPWISE_HISTORY_RETENTION_DAYS");
    return new RuntimeConfig(required(env, "STEPWISE_TABLE"), required(env, "STEPWISE_QUEUE_URL"),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("STEPWISE_LEASE_SECONDS", "900"))),
        retentionDays == null || retentionDays.isBlank() ? null : Duration.ofDays(Long.parseLong(retentionDays)));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set (template.yml sets it)");
    }
    return value;
  }
}
