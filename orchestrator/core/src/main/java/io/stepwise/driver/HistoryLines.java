package io.stepwise.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.HistoryEvent;

/** A history event as one line, the way {@code ./stepwise run} prints it (and the testing kit on a failure). */
public final class HistoryLines {
  private HistoryLines() {}

  public static String format(HistoryEvent event) {
    StringBuilder line = new StringBuilder();
    line.append(String.format("%4d  %-28s", event.id(), event.type()));
    JsonNode d = event.details();
    if (d != null) {
      if (d.has("name")) line.append(' ').append(d.get("name").asText());
      if (d.has("error")) line.append(" error=").append(d.get("error").asText());
      if (d.has("cause")) line.append(" cause=").append(abbreviate(d.get("cause").asText()));
    }
    if ("output".equals(event.payloadField()) && event.type().endsWith("Exited")) {
      line.append(" -> ").append(abbreviate(event.payload()));
    }
    return line.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
