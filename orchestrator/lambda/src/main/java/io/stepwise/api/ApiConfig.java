package io.stepwise.api;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the API: the region and account its ARNs name, and how long StartSyncExecution
 * waits for an execution to end.
 *
 * @param syncTimeout StartSyncExecution's bound; an execution still running then is ended
 *     TIMED_OUT, as Express workflows are at their 5-minute limit
 */
public record ApiConfig(String region, String accountId, Duration syncTimeout) {
  public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration MAX_SYNC_TIMEOUT = Duration.ofMinutes(5);

  public ApiConfig {
    if (syncTimeout.isNegative() || syncTimeout.compareTo(MAX_SYNC_TIMEOUT) > 0) {
      throw new IllegalArgumentException("syncTimeout must be between 0 and 5 minutes: " + syncTimeout);
    }
  }

  public ApiConfig(String region, String accountId) {
    this(region, accountId, DEFAULT_SYNC_TIMEOUT);
  }

  /**
   * From a Lambda function's environment: {@code STEPWISE_ACCOUNT_ID} (default 000000000000),
   * {@code AWS_REGION} (default us-east-1), {@code STEPWISE_SYNC_TIMEOUT_SECONDS} (default 60;
   * keep it below the function's timeout).
   */
  public static ApiConfig fromEnvironment(Map<String, String> env) {
    return new ApiConfig(env.getOrDefault("AWS_REGION", "us-east-1"), env.getOrDefault("STEPWISE_ACCOUNT_ID", "000000000000"),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("STEPWISE_SYNC_TIMEOUT_SECONDS", "60"))));
  }
}
