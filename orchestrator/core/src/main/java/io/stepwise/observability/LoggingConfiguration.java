package io.stepwise.observability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A state machine's {@code loggingConfiguration}, as CreateStateMachine and UpdateStateMachine
 * keep it: which history events go to which CloudWatch Logs group, with or without their data.
 *
 * @param logGroupArn {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*}; null when the level is OFF
 */
public record LoggingConfiguration(Level level, boolean includeExecutionData, String logGroupArn) {
  public static final LoggingConfiguration OFF = new LoggingConfiguration(Level.OFF, false, null);

  /** Step Functions' log levels; each admits the event types its docs list. */
  public enum Level {
    ALL, ERROR, FATAL, OFF;

    /** Execution-terminal failures: all FATAL logs. */
    private static final Set<String> FATAL_TYPES = Set.of("ExecutionAborted", "ExecutionFailed", "ExecutionTimedOut");
    /** Every failure event: what ERROR logs. */
    private static final Set<String> ERROR_TYPES = Set.of(
        "ExecutionAborted", "ExecutionFailed", "ExecutionTimedOut", "FailStateEntered",
        "LambdaFunctionFailed", "LambdaFunctionScheduleFailed", "LambdaFunctionStartFailed", "LambdaFunctionTimedOut",
        "ActivityFailed", "ActivityScheduleFailed", "ActivityTimedOut",
        "MapStateAborted", "MapStateFailed", "MapIterationAborted", "MapIterationFailed", "MapRunAborted", "MapRunFailed",
        "ParallelStateAborted", "ParallelStateFailed", "TaskFailed", "TaskStartFailed", "TaskStateAborted",
        "TaskSubmitFailed", "TaskTimedOut", "WaitStateAborted");

    public boolean admits(String eventType) {
      return switch (this) {
        case ALL -> true;
        case ERROR -> ERROR_TYPES.contains(eventType);
        case FATAL -> FATAL_TYPES.contains(eventType);
        case OFF -> false;
      };
    }
  }

  /** From the stored {@code loggingConfiguration} member (null or absent: OFF). */
  public static LoggingConfiguration of(JsonNode logging) {
    if (logging == null || logging.isNull()) return OFF;
    Level level = Level.valueOf(logging.path("level").asText("OFF"));
    String arn = logging.path("destinations").path(0).path("cloudWatchLogsLogGroup").path("logGroupArn").asText(null);
    if (level == Level.OFF || arn == null) return OFF;
    return new LoggingConfiguration(level, logging.path("includeExecutionData").asBoolean(false), arn);
  }

  public boolean enabled() {
    return level != Level.OFF;
  }

  /** The group's name: what its ARN holds between {@code :log-group:} and the trailing {@code :*}. */
  public String logGroupName() {
    String name = logGroupArn.substring(logGroupArn.indexOf(":log-group:") + ":log-group:".length());
    return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
  }

  /** The region the group lives in (the ARN's fourth field). */
  public String region() {
    return logGroupArn.split(":", 5)[3];
  }
}
