package io.stepwise.express;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;

/** How an Express execution ended: what StartSyncExecution answers. */
public record ExpressResult(
    ExpressStart start, ExecutionStatus status, JsonNode output, String error, String cause, Instant stopDate,
    long transitions) {

  /**
   * What Step Functions bills: the duration rounded up to the next 100 ms. Memory is billed in
   * 64 MB steps of the execution's own footprint; Stepwise reports the first step (see README).
   */
  public long billedDurationMillis() {
    long millis = Math.max(0, Duration.between(start.startDate(), stopDate).toMillis());
    return Math.max(100, (millis + 99) / 100 * 100);
  }

  public static final int BILLED_MEMORY_MB = 64;
}
