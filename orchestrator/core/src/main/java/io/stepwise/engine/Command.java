package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateMachine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the runtime must carry out after a step; the engine itself does no I/O. */
public sealed interface Command {
  /**
   * Call a Task's resource with {@code payload}; report back TaskSucceeded or TaskFailed.
   *
   * @param executionArn the execution (a branch or iteration names its parent execution)
   * @param token the task token for {@code .waitForTaskToken} resources, or null
   * @param timeoutSeconds the Task's effective TimeoutSeconds, or null for the default
   * @param heartbeatSeconds the Task's effective HeartbeatSeconds, or null
   */
  record InvokeTask(
      String executionArn, String stateName, String resource, JsonNode payload, String token,
      Integer timeoutSeconds, Integer heartbeatSeconds, TaskRole role) implements Command {}

  /**
   * The roles a Task's calls run with: the state machine's roleArn, and the role its
   * {@code Credentials} field names (evaluated; null without one), which the machine's role assumes.
   */
  record TaskRole(String machineRoleArn, String credentialsRoleArn) {
    public static final TaskRole NONE = new TaskRole(null, null);
  }

  /** Deliver TimerFired at {@code dueAt} (a Wait state or a Retry interval). */
  record StartTimer(Instant dueAt) implements Command {}

  /** Run the next transition right away. */
  record Continue() implements Command {}

  /**
   * Run each child to completion (at most {@code maxConcurrency} at once, 0 for unbounded), then
   * deliver ChildrenFinished. {@code toleratedFailures} is how many may fail before the run stops
   * early (Parallel: 0).
   */
  record RunChildren(
      String stateName, Kind kind, List<Child> children, int maxConcurrency, long toleratedFailures)
      implements Command {
    public enum Kind { PARALLEL, MAP }
  }

  /**
   * Run the children of a Map whose items the runtime reads ({@code plan}: the ItemReader, the
   * ResultWriter and how items become child inputs), then deliver ChildrenFinished; a failure to
   * read or write is delivered as TaskFailed.
   */
  record ReadChildren(String stateName, DistributedMap plan) implements Command {}

  /** One child: the machine to run, its input, and the variables it can read. */
  record Child(StateMachine machine, JsonNode input, Map<String, JsonNode> variables) {}

  Continue CONTINUE = new Continue();
}
