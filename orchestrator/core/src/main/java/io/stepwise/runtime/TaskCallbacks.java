package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.time.InstantSource;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link Callbacks} on the stores and the queue: a callback is checked against the token and the
 * execution (it must still wait on exactly that token), then delivered as a step message, so
 * the transition it causes is made by a worker like any other.
 */
public final class TaskCallbacks implements Callbacks {
  /** Stepwise's tokens: 64 URL-safe base64 characters (48 random bytes); AWS's are longer, opaque. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,1024}");
  static final int MAX_OUTPUT_BYTES = 256 * 1024;

  private final ExecutionStore store;
  private final TokenStore tokens;
  private final StepQueue queue;
  private final InstantSource clock;

  public TaskCallbacks(ExecutionStore store, TokenStore tokens, StepQueue queue, InstantSource clock) {
    this.store = store;
    this.tokens = tokens;
    this.queue = queue;
    this.clock = clock;
  }

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    JsonNode output;
    try {
      output = Json.parse(outputJson);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    if (Json.utf8Length(outputJson) > MAX_OUTPUT_BYTES) {
      throw new ApiException("InvalidOutput", "The output exceeds the maximum size of 262144 bytes.");
    }
    answer(taskToken, token -> new StepMessage(token.executionArn(), token.answerSeq(), StepMessage.Kind.TASK_SUCCEEDED, 0, output,
        null, null, 0, taskToken));
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    answer(taskToken, token -> new StepMessage(token.executionArn(), token.answerSeq(), StepMessage.Kind.TASK_FAILED, 0, null,
        error, cause, 0, taskToken));
  }

  /**
   * Closes the token with its answer, then sends the answer. A call that dies in between (or
   * whose send fails) leaves the token closed with the answer unsent: the caller's retry (the
   * SDK retries a failed call), with the same answer, sends it again while the execution still
   * waits. Another answer is refused, as once the first was applied.
   */
  private void answer(String taskToken, Function<TokenStore.TaskToken, StepMessage> answering) {
    TokenStore.TaskToken token = waiting(taskToken, true);
    StepMessage answer = answering.apply(token);
    String text = answer.toJson();
    if (!token.closed() && !tokens.close(taskToken, text)) {
      token = tokens.get(taskToken).orElseThrow(TaskCallbacks::timedOut); // a concurrent call closed it
    }
    if (token.closed() && !text.equals(token.answer())) throw timedOut();
    queue.send(answer, 0);
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    waiting(taskToken, false);
    if (!tokens.heartbeat(taskToken, clock.millis())) throw timedOut();
  }

  /**
   * A worker's GetActivityTask took the task: its execution records ActivityStarted, naming the
   * worker, in a transition of its own. False when the execution no longer waits on the token.
   */
  public boolean activityStarted(String taskToken, String workerName) {
    TokenStore.TaskToken token;
    try {
      token = waiting(taskToken, false);
    } catch (ApiException e) {
      return false;
    }
    // Kept with the token first: an answer that overtakes the message below still finds who took it.
    if (!tokens.take(taskToken, workerName == null ? "" : workerName)) return false;
    ObjectNode worker = Json.object();
    if (workerName != null) worker.put("workerName", workerName);
    queue.send(new StepMessage(token.executionArn(), token.seq(), StepMessage.Kind.ACTIVITY_STARTED, 0, worker, null, null,
        0, taskToken), 0);
    return true;
  }

  /**
   * The token, if the execution still waits on it; Step Functions' errors otherwise.
   *
   * @param answered whether a token closed with an answer not yet applied counts as waiting
   */
  private TokenStore.TaskToken waiting(String taskToken, boolean answered) {
    // AWS's tokens are sealed, so one it never issued is InvalidToken whatever its shape;
    // TaskDoesNotExist is for activities, which Stepwise does not have.
    if (taskToken == null || !TOKEN.matcher(taskToken).matches()) throw invalidToken();
    TokenStore.TaskToken token = tokens.get(taskToken).orElseThrow(TaskCallbacks::invalidToken);
    ExecutionRecord record = store.load(token.executionArn()).orElseThrow(TaskCallbacks::timedOut);
    // A fast worker can call back before the transition that handed out its token has committed.
    boolean committing = record.seq() == token.seq() - 1;
    boolean stillWaiting = (!token.closed() || answered && token.answer() != null) && !record.state().isDone()
        && (committing || taskToken.equals(record.state().taskToken()));
    if (!stillWaiting) throw timedOut();
    return token;
  }

  private static ApiException invalidToken() {
    return new ApiException("InvalidToken", "Invalid Token: 'Invalid token'");
  }

  private static ApiException timedOut() {
    return new ApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }
}
