package io.stepwise.lambda;

import io.stepwise.aws.logs.ExecutionLogWriter;
import io.stepwise.express.ExpressHistory;
import io.stepwise.observability.JsonLog;
import io.stepwise.observability.LoggingConfiguration;
import io.stepwise.observability.MachineLogging;
import io.stepwise.observability.StepMetrics;
import io.stepwise.observability.TransitionLog;
import io.stepwise.runtime.CommittedTransition;
import io.stepwise.runtime.TransitionObserver;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * What the orchestrator tells about its transitions: metrics in Embedded Metric Format, a DEBUG
 * line per transition, and each machine's execution log in the CloudWatch Logs group its
 * loggingConfiguration names. Transitions only gather; {@link #flush} (once per invocation)
 * writes the batch's EMF lines and sends its log events, and never fails the batch.
 *
 * @param metrics null for no metrics
 * @param emf where EMF lines go (stdout on Lambda, which CloudWatch reads them from)
 * @param logging null to write no execution logs
 * @param writer null to write no execution logs
 */
public record Observability(StepMetrics metrics, Consumer<String> emf, JsonLog log, MachineLogging logging,
    ExecutionLogWriter writer, InstantSource clock) implements TransitionObserver {

  /** Nothing but WARN and ERROR lines on stderr. */
  public static Observability off() {
    return new Observability(null, line -> {}, new JsonLog(JsonLog.Level.WARN, System.err::println, InstantSource.system()),
        null, null, InstantSource.system());
  }

  @Override
  public void committed(CommittedTransition t) {
    if (metrics != null) metrics.record(t);
    boolean debug = log.enabled(JsonLog.Level.DEBUG);
    boolean writing = logging != null && writer != null && t.topLevel();
    if (!debug && !writing) return;
    LoggingConfiguration config = logging == null ? LoggingConfiguration.OFF : logging.of(t.after().stateMachineArn());
    TransitionLog.write(log, t, config.includeExecutionData());
    // A branch's or iteration's events reach the log with its parent's join, which copies them in.
    if (writing && config.enabled()) {
      var info = t.after().state().info();
      writer.add(config, info.stateMachineName(), info.executionArn(), info.redriveCount(), t.events());
    }
  }

  /** Express executions' histories to their machines' log groups, sent at the end of each run. */
  public ExpressHistory expressHistory() {
    if (logging == null || writer == null) return ExpressHistory.NONE;
    return (execution, events) -> {
      LoggingConfiguration config = logging.of(execution.stateMachineArn());
      if (!config.enabled()) return;
      writer.add(config, execution.stateMachineName(), execution.executionArn(), 0, events);
      writer.flush();
    };
  }

  /** One step message is being handled, {@code lateMillis} after it fell due. */
  public void messageHandled(long lateMillis) {
    if (metrics != null) metrics.messageHandled(lateMillis);
  }

  /** Sends the gathered execution log events, then writes the metrics: once per invocation. */
  public void flush() {
    try {
      int failed = writer == null ? 0 : writer.flush();
      if (metrics == null) return;
      metrics.logEventsFailed(failed);
      for (String line : metrics.drain(clock.instant())) emf.accept(line);
    } catch (RuntimeException e) {
      log.log(JsonLog.Level.ERROR, "could not write metrics or execution logs: " + e, null);
    }
  }

  /** The writer's reports of what it could not deliver, as WARN lines. */
  static Consumer<String> warnings(JsonLog log) {
    return problem -> log.log(JsonLog.Level.WARN, problem, null);
  }
}
