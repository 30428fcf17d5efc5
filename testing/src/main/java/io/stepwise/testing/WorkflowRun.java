package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.HistoryLines;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One finished execution: its status, output, history, the path it took, each state's input and
 * output, and each Task's retries, with assertions that print the whole history when they fail.
 */
public final class WorkflowRun {
  private final String name;
  private final ExecutionResult result;
  private final StateMocks tasks;

  WorkflowRun(String name, ExecutionResult result, StateMocks tasks) {
    this.name = name;
    this.result = result;
    this.tasks = tasks;
  }

  public ExecutionStatus status() {
    return result.status();
  }

  /** The output JSON, or null when the execution did not succeed. */
  public JsonNode output() {
    return result.output();
  }

  public String error() {
    return result.error();
  }

  public String cause() {
    return result.cause();
  }

  public List<HistoryEvent> history() {
    return result.history();
  }

  /** The states entered, in order (a state entered again appears again). */
  public List<String> path() {
    List<String> path = new ArrayList<>();
    for (HistoryEvent event : result.history()) {
      if (event.type().endsWith("StateEntered")) path.add(event.details().path("name").asText());
    }
    return path;
  }

  /** The input {@code state} was last entered with; null when it never was. */
  public JsonNode stateInput(String state) {
    return payload(state, "StateEntered");
  }

  /** The output {@code state} last left with; null when it never left. */
  public JsonNode stateOutput(String state) {
    return payload(state, "StateExited");
  }

  /** How many times the Task {@code state} was called again after a failure (its Retry attempts). */
  public int retries(String state) {
    long entered = path().stream().filter(state::equals).count();
    return (int) Math.max(0, tasks.calls(state) - entered);
  }

  public WorkflowRun assertSucceeded() {
    return check(result.status() == ExecutionStatus.SUCCEEDED,
        "expected SUCCEEDED, was " + result.status() + " (error=" + result.error() + ", cause=" + result.cause() + ")");
  }

  public WorkflowRun assertFailed(String error) {
    return check(result.status() == ExecutionStatus.FAILED && Objects.equals(error, result.error()),
        "expected FAILED with " + error + ", was " + result.status() + " with " + result.error());
  }

  /** The output equals {@code json} as JSON (key order and spacing do not matter). */
  public WorkflowRun assertOutput(String json) {
    return check(Json.parse(json).equals(result.output()), "expected output " + json + ", was " + text(result.output()));
  }

  public WorkflowRun assertPath(String... states) {
    return check(path().equals(Arrays.asList(states)), "expected path " + Arrays.asList(states) + ", was " + path());
  }

  public WorkflowRun assertStateInput(String state, String json) {
    return check(Json.parse(json).equals(stateInput(state)),
        "expected " + state + "'s input " + json + ", was " + text(stateInput(state)));
  }

  public WorkflowRun assertStateOutput(String state, String json) {
    return check(Json.parse(json).equals(stateOutput(state)),
        "expected " + state + "'s output " + json + ", was " + text(stateOutput(state)));
  }

  public WorkflowRun assertRetries(String state, int retries) {
    return check(retries(state) == retries, "expected " + retries + " retries of " + state + ", were " + retries(state));
  }

  /** The history as {@code ./stepwise run} prints it, one event a line. */
  public String printedHistory() {
    StringBuilder text = new StringBuilder("history of " + name + ":\n");
    for (HistoryEvent event : result.history()) text.append(HistoryLines.format(event)).append('\n');
    return text.toString();
  }

  private WorkflowRun check(boolean holds, String message) {
    if (!holds) throw new AssertionError(message + "\n" + printedHistory());
    return this;
  }

  private JsonNode payload(String state, String suffix) {
    JsonNode found = null;
    for (HistoryEvent event : result.history()) {
      if (event.type().endsWith(suffix) && state.equals(event.details().path("name").asText()) && event.payload() != null) {
        found = Json.parse(event.payload());
      }
    }
    return found;
  }

  private static String text(JsonNode node) {
    return node == null ? "null" : Json.write(node);
  }
}
