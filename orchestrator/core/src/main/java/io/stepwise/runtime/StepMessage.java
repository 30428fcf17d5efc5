package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.Event;
import io.stepwise.eval.ErrorNames;
import io.stepwise.json.Json;

/**
 * The body of one queue message: which execution, which transition it asks for ({@code seq}),
 * and what happened (an ordinary advance, a due timer, a task's result, the machine timeout).
 *
 * @param dueAtMillis when the message may be acted on; earlier deliveries hop on (SQS delays
 *     stop at 900 s), 0 for now
 * @param gen the resend generation: 0 for an original, one more than the message whose
 *     copy it is for a resend (the original send may have been lost), and for a message sent
 *     after a commit, the gen of the message that committed; only the committer's generation
 *     resends ({@link StepWorker}), so a resend's own duplicates cannot multiply
 * @param token for a HEARTBEAT_CHECK, the task token whose heartbeats it checks
 * @param record the committed record this message continues ({@link RecordCodec#carried}), sent
 *     only after its commit, so the worker need not read it back; null when not carried
 */
public record StepMessage(
    String executionArn, long seq, Kind kind, long dueAtMillis, JsonNode result, String error, String cause,
    int gen, String token, String record) {

  public StepMessage(String executionArn, long seq, Kind kind, long dueAtMillis, JsonNode result, String error, String cause,
      int gen, String token) {
    this(executionArn, seq, kind, dueAtMillis, result, error, cause, gen, token, null);
  }

  public StepMessage(String executionArn, long seq, Kind kind, long dueAtMillis, JsonNode result, String error, String cause) {
    this(executionArn, seq, kind, dueAtMillis, result, error, cause, 0, null);
  }

  public enum Kind {
    /** Enter the current state. */
    ADVANCE,
    /** A Wait state's or Retry interval's timer is due. */
    TIMER,
    /** A callback (SendTaskSuccess) for a task that waits for its token. */
    TASK_SUCCEEDED,
    /** A callback (SendTaskFailure) or a heartbeat or task timeout. */
    TASK_FAILED,
    /** The machine's TimeoutSeconds elapsed; applies to whatever transition is current. */
    EXECUTION_TIMEOUT,
    /** A worker's GetActivityTask took the activity task the token names; {@code result} holds its workerName. */
    ACTIVITY_STARTED,
    /** A waiting task's HeartbeatSeconds may have run out: fails it unless a heartbeat came since. */
    HEARTBEAT_CHECK,
    /** A Parallel's or Map's children may all have ended (or too many failed): join them. */
    CHILDREN_DONE,
    /**
     * A branch or iteration whose parent went on without it (a sibling failed, the parent was
     * stopped or timed out): it ends ABORTED. Applies to whatever transition is current.
     */
    STOP,
    /** Check on the job a {@code .sync} task started ({@link SyncJobs}); the token names the task. */
    JOB_POLL,
    /**
     * Run a whole Express execution, described by {@code result} ({@code express.ExpressStart});
     * the handler gives it to the Express runner, never to the step worker.
     */
    EXPRESS
  }

  /** A STOP for child {@code childKey}, with the error and cause it ends with. */
  public static StepMessage stop(String childKey, String error, String cause) {
    return new StepMessage(childKey, 0, Kind.STOP, 0, null, error, cause);
  }

  /** Messages that concern the execution, not one transition of it: applied at whatever seq is current. */
  public boolean anySeq() {
    return kind == Kind.EXECUTION_TIMEOUT || kind == Kind.STOP;
  }

  public static StepMessage advance(String executionArn, long seq) {
    return new StepMessage(executionArn, seq, Kind.ADVANCE, 0, null, null, null);
  }

  /** A copy sent again because the original may have been lost: the next gen, no record (its worker reads it). */
  public StepMessage resent() {
    return new StepMessage(executionArn, seq, kind, dueAtMillis, result, error, cause, gen + 1, token);
  }

  /** This message in generation {@code generation}: the gen of the message whose commit sends it. */
  public StepMessage inGen(int generation) {
    return new StepMessage(executionArn, seq, kind, dueAtMillis, result, error, cause, generation, token, record);
  }

  /** This message for transition {@code transition}, as a message of its own: no record. */
  public StepMessage atSeq(long transition) {
    return new StepMessage(executionArn, transition, kind, dueAtMillis, result, error, cause, gen, token);
  }

  public StepMessage dueAt(long millis) {
    return new StepMessage(executionArn, seq, kind, millis, result, error, cause, gen, token, record);
  }

  /** This message with {@code committed} in it, when it is small enough to carry; sent only after that commit. */
  public StepMessage carrying(ExecutionRecord committed) {
    return new StepMessage(executionArn, seq, kind, dueAtMillis, result, error, cause, gen, token,
        RecordCodec.carried(committed));
  }

  /** The record carried, or null. */
  public ExecutionRecord carriedRecord() {
    return record == null ? null : RecordCodec.fromCarried(record);
  }

  /** The engine event this message delivers. */
  public Event event() {
    return switch (kind) {
      case ADVANCE -> Event.ADVANCE;
      case TIMER -> Event.TIMER_FIRED;
      case TASK_SUCCEEDED -> new Event.TaskSucceeded(result);
      case TASK_FAILED -> new Event.TaskFailed(error, cause);
      case EXECUTION_TIMEOUT -> new Event.TimedOut();
      case HEARTBEAT_CHECK -> new Event.TaskFailed(ErrorNames.HEARTBEAT_TIMEOUT, null);
      case ACTIVITY_STARTED -> new Event.ActivityStarted(result == null || !result.hasNonNull("workerName") ? null
          : result.get("workerName").asText());
      case STOP -> new Event.Stop(error, cause);
      case CHILDREN_DONE -> throw new IllegalStateException("the worker reads the join for CHILDREN_DONE");
      case JOB_POLL -> throw new IllegalStateException("SyncJobs handles JOB_POLL");
      case EXPRESS -> throw new IllegalStateException("the Express runner handles EXPRESS");
    };
  }

  public String toJson() {
    ObjectNode n = Json.object();
    n.put("execution", executionArn).put("seq", seq).put("kind", kind.name());
    if (dueAtMillis > 0) n.put("dueAt", dueAtMillis);
    if (result != null) n.set("result", result);
    if (error != null) n.put("error", error);
    if (cause != null) n.put("cause", cause);
    if (gen > 0) n.put("gen", gen);
    if (token != null) n.put("token", token);
    if (record != null) n.put("record", record);
    return Json.write(n);
  }

  /** @throws IllegalArgumentException for a body that is not a step message */
  public static StepMessage fromJson(String body) {
    JsonNode n = Json.parse(body);
    if (!n.hasNonNull("execution") || !n.has("seq") || !n.has("kind")) {
      throw new IllegalArgumentException("not a Stepwise step message: " + abbreviate(body));
    }
    return new StepMessage(n.get("execution").asText(), n.get("seq").asLong(), Kind.valueOf(n.get("kind").asText()),
        n.path("dueAt").asLong(0), n.get("result"), n.hasNonNull("error") ? n.get("error").asText() : null,
        n.hasNonNull("cause") ? n.get("cause").asText() : null, gen(n),
        n.hasNonNull("token") ? n.get("token").asText() : null, n.hasNonNull("record") ? n.get("record").asText() : null);
  }

  /** A message from before generations said {@code resent: true} for a copy: generation 1. */
  private static int gen(JsonNode n) {
    return n.has("gen") ? n.get("gen").asInt() : n.path("resent").asBoolean(false) ? 1 : 0;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
