package io.stepwise.local.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something in a template that starts executions of a state machine, resolved for the local
 * stack: a schedule, an event rule, or an HTTP endpoint.
 */
sealed interface StartTrigger {
  /** The id it is reported under: the resource's logical id, or the state machine's id and event name. */
  String id();

  String stateMachineArn();

  /**
   * A schedule ({@code rate()} or {@code cron()}).
   *
   * @param input the execution input as JSON text, or null for {@code {}}
   */
  record Schedule(String id, String expression, String stateMachineArn, String input, boolean enabled)
      implements StartTrigger {}

  /**
   * An event rule: a pattern on a bus.
   *
   * @param input fixed input text, or null
   * @param inputPath a JSONPath into the event, or null (then the whole event is the input)
   */
  record Rule(String id, String busName, JsonNode pattern, String stateMachineArn, String input, String inputPath,
      boolean enabled) implements StartTrigger {}

  /** An HTTP endpoint whose request body is the input (SAM's Api event). */
  record Api(String id, String method, String path, String stateMachineArn) implements StartTrigger {}
}
