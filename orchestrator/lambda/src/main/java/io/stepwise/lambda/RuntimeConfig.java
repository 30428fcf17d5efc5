package io.stepwise.lambda;

import io.stepwise.engine.Engine;
import java.time.Duration;
import java.util.Map;

/**
 * The runtime's settings, from the function's environment.
 *
 * @param lease how long a worker holds a transition: at least the function timeout, so a live
 *     worker is never overtaken
 * @param retention how long finished executions are kept (TTL), null for ever
 * @param maxEvents the most history events one execution may have
 * @param maxReceiveCount the queue's redrive maxReceiveCount: on that delivery of a message that
 *     still fails, the execution fails instead of staying RUNNING with its message parked
 */
public record RuntimeConfig(String table, String queueUrl, Duration lease, Duration retention, long maxEvents,
    int maxReceiveCount) {
  public RuntimeConfig(String table, String queueUrl, Duration lease) {
    this(table, queueUrl, lease, null);
  }

  public RuntimeConfig(String table, String queueUrl, Duration lease, Duration retention) {
    this(table, queueUrl, lease, retention, Engine.DEFAULT_MAX_EVENTS, Integer.MAX_VALUE);
  }

  public RuntimeConfig withLimits(long events, int receives) {
    return new RuntimeConfig(table, queueUrl, lease, retention, events, receives);
  }

  public static RuntimeConfig fromEnvironment(Map<String, String> env) {
    String retentionDays = env.get("STEPWISE_HISTORY_RETENTION_DAYS");
    return new RuntimeConfig(required(env, "STEPWISE_TABLE"), required(env, "STEPWISE_QUEUE_URL"),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("STEPWISE_LEASE_SECONDS", "900"))),
        retentionDays == null || retentionDays.isBlank() ? null : Duration.ofDays(Long.parseLong(retentionDays)),
        Long.parseLong(env.getOrDefault("STEPWISE_MAX_EVENTS", Long.toString(Engine.DEFAULT_MAX_EVENTS))),
        Integer.parseInt(env.getOrDefault("STEPWISE_MAX_RECEIVE_COUNT", Integer.toString(Integer.MAX_VALUE))));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set (template.yml sets it)");
    }
    return value;
  }
}
