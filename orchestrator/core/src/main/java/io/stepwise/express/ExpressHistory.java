package io.stepwise.express;

import io.stepwise.engine.HistoryEvent;
import java.util.List;

/**
 * Where an Express execution's history goes: the machine's loggingConfiguration log group on
 * CloudWatch Logs, never the table (Express history is not kept by Step Functions either).
 */
public interface ExpressHistory {
  /** Called once per run, at its end, with every event in order. */
  void write(ExpressStart execution, List<HistoryEvent> events);

  /** Keeps nothing: a machine without a logging configuration. */
  ExpressHistory NONE = (execution, events) -> {};
}
