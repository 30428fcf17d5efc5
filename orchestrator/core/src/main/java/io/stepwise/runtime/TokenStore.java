package io.stepwise.runtime;

import java.util.Optional;

/** Task tokens of {@code .waitForTaskToken} tasks: each bound to one execution, transition and state. */
public interface TokenStore {
  /**
   * @param seq the transition the execution waits at; a callback is applied there only
   * @param heartbeatSeconds 0 when the task has no HeartbeatSeconds
   * @param answer once closed, the step message that answers it ({@link StepMessage#toJson}),
   *     kept to send again if the callback that closed it died before sending; null while open
   * @param worker the worker that took the activity task (GetActivityTask), "" for one without a
   *     name; null until one does
   */
  record TaskToken(String token, String executionArn, long seq, String stateName, int heartbeatSeconds,
      long lastHeartbeatMillis, boolean closed, String answer, String worker) {

    /** A token as issued: open, no answer, not taken. */
    public TaskToken(String token, String executionArn, long seq, String stateName, int heartbeatSeconds,
        long lastHeartbeatMillis) {
      this(token, executionArn, seq, stateName, heartbeatSeconds, lastHeartbeatMillis, false, null, null);
    }

    /** The transition an answer applies at: the one after ActivityStarted once a worker took the task. */
    public long answerSeq() {
      return worker == null ? seq : seq + 1;
    }

    public TaskToken heartbeatAt(long nowMillis) {
      return new TaskToken(token, executionArn, seq, stateName, heartbeatSeconds, nowMillis, closed, answer, worker);
    }

    public TaskToken closedWith(String theAnswer) {
      return new TaskToken(token, executionArn, seq, stateName, heartbeatSeconds, lastHeartbeatMillis, true, theAnswer, worker);
    }

    public TaskToken takenBy(String theWorker) {
      return new TaskToken(token, executionArn, seq, stateName, heartbeatSeconds, lastHeartbeatMillis, closed, answer, theWorker);
    }
  }

  void put(TaskToken token);

  Optional<TaskToken> get(String token);

  /** Records a heartbeat; false when the token is closed or unknown. */
  boolean heartbeat(String token, long nowMillis);

  /** Marks the token answered with {@code answer}, once: false when it already was (a repeated callback). */
  boolean close(String token, String answer);

  /** Records the worker that took the activity task, once: false when the token is closed, taken or unknown. */
  boolean take(String token, String worker);
}
