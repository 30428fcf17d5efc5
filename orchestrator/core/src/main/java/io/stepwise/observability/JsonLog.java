package io.stepwise.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.InstantSource;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The orchestrator's own log: one JSON object per line with {@code timestamp}, {@code level}
 * and {@code message}, the keys Lambda's JSON log format and its log-level filtering read. No
 * logging framework: the Lambda jar stays lean, and a line is one write.
 */
public final class JsonLog {
  public enum Level { DEBUG, INFO, WARN, ERROR }

  /** The environment variable that sets the level (INFO when unset). */
  public static final String LEVEL_VARIABLE = "STEPWISE_LOG_LEVEL";

  private final Level threshold;
  private final Consumer<String> out;
  private final InstantSource clock;

  public JsonLog(Level threshold, Consumer<String> out, InstantSource clock) {
    this.threshold = threshold;
    this.out = out;
    this.clock = clock;
  }

  /** @param name DEBUG, INFO, WARN or ERROR in any case; null or blank for INFO */
  public static Level level(String name) {
    if (name == null || name.isBlank()) return Level.INFO;
    try {
      return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LEVEL_VARIABLE + " is '" + name + "': expected DEBUG, INFO, WARN or ERROR");
    }
  }

  public boolean enabled(Level level) {
    return level.compareTo(threshold) >= 0;
  }

  /** Writes {@code message} with {@code fields} (may be null) when the level is enabled. */
  public void log(Level level, String message, ObjectNode fields) {
    if (!enabled(level)) return;
    ObjectNode line = Json.object();
    line.put("timestamp", clock.instant().toString());
    line.put("level", level.name());
    line.put("message", message);
    if (fields != null) line.setAll(fields);
    out.accept(Json.write(line));
  }
}
