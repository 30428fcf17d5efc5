package io.stepwise.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.runtime.DocumentStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each state machine's logging configuration, as the API stores it beside the machine, read at
 * most once a minute per machine and container: a transition costs no extra read, and an
 * UpdateStateMachine takes effect within a minute (Step Functions' updates are eventual too).
 */
public final class MachineLogging {
  /** The documents the API keeps a machine's logging and tracing configuration in, by machine ARN. */
  public static final String SETTINGS = "SETTINGS";
  static final Duration CACHED_FOR = Duration.ofSeconds(60);

  private final DocumentStore documents;
  private final InstantSource clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(LoggingConfiguration config, Instant until) {}

  public MachineLogging(DocumentStore documents, InstantSource clock) {
    this.documents = documents;
    this.clock = clock;
  }

  public LoggingConfiguration of(String machineArn) {
    Instant now = clock.instant();
    Cached cached = cache.get(machineArn);
    if (cached != null && now.isBefore(cached.until())) return cached.config();
    JsonNode settings = documents.get(SETTINGS, machineArn).orElse(null);
    LoggingConfiguration config = settings == null ? LoggingConfiguration.OFF : LoggingConfiguration.of(settings.get("logging"));
    cache.put(machineArn, new Cached(config, now.plus(CACHED_FOR)));
    return config;
  }
}
