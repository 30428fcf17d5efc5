package io.stepwise.runtime;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Event;
import io.stepwise.engine.Resource;
import io.stepwise.eval.ErrorNames;
import java.time.InstantSource;
import java.util.List;

/** The start of a task that waits for its outcome, within the transition that calls it ({@link Transitions}). */
final class WaitingTasks {
  private final TokenStore tokens;
  private final TaskInvoker tasks;
  private final InstantSource clock;

  WaitingTasks(TokenStore tokens, TaskInvoker tasks, InstantSource clock) {
    this.tokens = tokens;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * A {@code .waitForTaskToken}, {@code .sync} or activity task: the token is stored before the
   * call, so a callback can never find it missing; the call's own failure fails the task at once,
   * otherwise the execution waits (holding no compute) for a callback or one of its timeouts. A
   * sent callback or started job is recorded at once (TaskSubmitted, with the call's answer).
   */
  Event start(ExecutionRecord record, Command.InvokeTask call, List<StepMessage> timeouts) {
    long waitingSeq = record.seq() + 1;
    long now = clock.millis();
    int heartbeat = call.heartbeatSeconds() == null ? 0 : call.heartbeatSeconds();
    tokens.put(new TokenStore.TaskToken(call.token(), record.key(), waitingSeq, call.stateName(), heartbeat, now));
    TaskOutcome outcome = tasks.invoke(call);
    if (!outcome.succeeded()) return outcome.event();
    if (call.timeoutSeconds() != null) {
      timeouts.add(new StepMessage(record.key(), waitingSeq, StepMessage.Kind.TASK_FAILED,
          now + call.timeoutSeconds() * 1000L, null, ErrorNames.TIMEOUT, null, 0, call.token()));
    }
    if (heartbeat > 0) {
      timeouts.add(new StepMessage(record.key(), waitingSeq, StepMessage.Kind.HEARTBEAT_CHECK,
          now + heartbeat * 1000L, null, null, null, 0, call.token()));
    }
    return Resource.parse(call.resource()).submitsFirst() ? new Event.TaskSubmitted(outcome.result()) : null;
  }
}
