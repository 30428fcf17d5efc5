package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of one execution: the fixed pipeline per state (entered event, input processing, the
 * state's own work, output processing, size check, next, exited event), with Retry and Catch.
 * Mutable while it works, then frozen into a {@link Decision}.
 */
final class Transition {
  static final int MAX_PAYLOAD_BYTES = 256 * 1024;

  private final StateMachine machine;
  private final Instant now;
  private final Entropy entropy;
  private final History history;
  private final Sources sources;
  // Most steps give one command (continue, a task, a timer).
  private final List<Command> commands = new ArrayList<>(1);
  private ExecutionInfo info;

  // The fields of the ExecutionState under construction.
  private ExecutionStatus status;
  private Phase phase;
  private String current;
  private JsonNode stateInput;
  private JsonText stateInputJson;
  private Instant enteredTime;
  private long enteredEventId;
  private int retryCount;
  private List<Integer> retrierAttempts;
  private Map<String, JsonNode> variables;
  private String taskToken;
  private JsonNode output;
  private String error;
  private String cause;
  private long transitions;
  private final ObjectNode givenContext;

  Transition(StateMachine machine, ExecutionState s, Instant now, Entropy entropy, ObjectNode givenContext) {
    this.machine = machine;
    this.givenContext = givenContext;
    this.now = now;
    this.entropy = entropy;
    this.info = s.info();
    this.history = new History(s.lastEventId(), s.previousEventId(), now);
    // The seed names this transition of this execution (or child): deciding it again draws the same.
    this.sources = Sources.of(now, () -> Sources.seed(s.info().executionArn() + "|" + s.info().branch(),
        s.info().redriveCount(), s.transitions(), s.retryCount(), s.phase().ordinal()));
    status = s.status();
    phase = s.phase();
    current = s.currentState();
    stateInput = s.stateInput();
    stateInputJson = s.stateInputJson();
    enteredTime = s.stateEnteredTime();
    enteredEventId = s.enteredEventId();
    retryCount = s.retryCount();
    retrierAttempts = s.retrierAttempts();
    variables = s.variables();
    taskToken = s.taskToken();
    transitions = s.transitions();
  }

  Decision apply(Event event) {
    // A stop or timeout can come before the first transition: the history still starts properly.
    if (history.lastId() == 0 && !info.isChild() && (event instanceof Event.Stop || event instanceof Event.TimedOut
        || event instanceof Event.RuntimeFailed)) {
      executionStarted();
    }
    if (event instanceof Event.Stop stop) {
      endExecution(ExecutionStatus.ABORTED, "ExecutionAborted", stop.error(), stop.cause());
      return decision();
    }
    if (event instanceof Event.RuntimeFailed failed) {
      failExecution(failed.error(), failed.cause());
      return decision();
    }
    if (event instanceof Event.Redrive) return redrive();
    if (event instanceof Event.TimedOut) {
      // AWS's ExecutionTimedOut carries the error alone, no cause (floci-io/floci#2733).
      endExecution(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", ErrorNames.TIMEOUT, null);
      return decision();
    }
    State state = machine.state(current);
    Runner runner = new Runner(this, state);
    try {
      switch (phase) {
        case ENTER -> {
          if (!(event instanceof Event.Advance) && !(event instanceof Event.ResourceMissing)) return unchanged();
          if (history.lastId() == 0 && !info.isChild()) executionStarted();
          enter(state);
          if (event instanceof Event.ResourceMissing missing) throw StatesError.runtime(missing.cause());
          runner.run();
        }
        case AWAIT_TASK, AWAIT_OUTCOME, AWAIT_TIMER, AWAIT_RETRY, AWAIT_CHILDREN -> {
          if (!runner.resume(phase, event)) return unchanged();
        }
        case DONE -> {
          return unchanged();
        }
      }
    } catch (StatesError e) {
      // A state's own output over the limit is terminal for States.ALL (developer guide: "a
      // terminal error that can't be caught by the States.ALL error type"); a task's result over
      // the limit arrives as an ordinary task failure instead.
      if (e.error().equals(ErrorNames.DATA_LIMIT_EXCEEDED)) {
        failOverLimit(state, e.cause());
      } else {
        String located = locate(e.cause());
        if (e.error().equals(ErrorNames.RUNTIME)) {
          // Never retried nor caught: the state's own States.Runtime ends the run at once, with no
          // MapStateFailed (AWS-recorded test_map_state_tolerated_failure_count_path[-1]).
          failExecution(e.error(), located);
          return decision();
        }
        if (e.error().equals(ErrorNames.QUERY_EVALUATION_ERROR)) {
          // AWS's recordings: a Wait's failed Timestamp links to WaitStateEntered, a Map's Items
          // to the event before MapStateEntered; the other states follow the Map's recording.
          history.evaluationFailed(state.name(), e.error(), located, !(state instanceof State.Wait));
        }
        fail(state, e.error(), located);
      }
    }
    return decision();
  }

  /** Runs a stopped execution again from the state it stopped in; nothing else is redrivable. */
  private Decision redrive() {
    boolean redrivable = (status == ExecutionStatus.FAILED || status == ExecutionStatus.TIMED_OUT
        || status == ExecutionStatus.ABORTED) && current != null && !info.isChild();
    if (!redrivable) return unchanged();
    info = info.redriven();
    status = ExecutionStatus.RUNNING;
    phase = Phase.ENTER;
    error = null;
    cause = null;
    history.add("ExecutionRedriven", "executionRedrivenEventDetails",
        Json.object().put("redriveCount", info.redriveCount()));
    command(Command.CONTINUE);
    return decision();
  }

  private Decision unchanged() {
    return new Decision(snapshot(), List.of(), List.of());
  }

  private void executionStarted() {
    ObjectNode d = Json.object();
    d.set("inputDetails", History.NOT_TRUNCATED);
    d.put("roleArn", info.roleArn());
    d.put("stateMachineArn", info.stateMachineArn());
    // Written aside: the first state's entered event links to 0, as in Step Functions.
    JsonText input = JsonText.of(info.input());
    // The first state's input is the execution's: its entered event and output reuse this text.
    if (stateInput == info.input() && stateInputJson == null) stateInputJson = input;
    history.aside("ExecutionStarted", "executionStartedEventDetails", d, "input", input.text());
  }

  private void enter(State state) {
    transitions++;
    enteredTime = now;
    retryCount = 0;
    retrierAttempts = List.of();
    taskToken = null;
    if (stateInputJson == null) stateInputJson = JsonText.of(stateInput);
    enteredEventId = history.stateEntered(state.base().events(), stateInputJson.text());
  }

  /** The cause of an evaluation error, prefixed with the state and event that raised it, as AWS does. */
  String locate(String evaluationCause) {
    return "An error occurred while executing the state '" + current + "' (entered at the event id #"
        + enteredEventId + "). " + evaluationCause;
  }

  // ---- what the state runner calls ----------------------------------------------------------

  History history() {
    return history;
  }

  Instant now() {
    return now;
  }

  JsonNode stateInput() {
    return stateInput;
  }

  Map<String, JsonNode> variables() {
    return variables;
  }

  int retryCount() {
    return retryCount;
  }

  String taskToken() {
    return taskToken;
  }

  String newTaskToken() {
    taskToken = entropy.taskToken();
    return taskToken;
  }

  void command(Command command) {
    commands.add(command);
  }

  void await(Phase waitingPhase) {
    phase = waitingPhase;
  }

  /** The context object ({@code $$}) as the current state sees it. */
  ObjectNode context() {
    if (givenContext != null) return ContextObject.given(givenContext, taskToken);
    return ContextObject.of(info, current == null ? null : machine.state(current), current,
        enteredTime == null ? now : enteredTime, retryCount, taskToken);
  }

  Scope scope(JsonNode input) {
    Scope scope = Scope.lazy(input, this::context, variables, sources);
    return input == stateInput ? scope.withInputText(stateInputJson) : scope;
  }

  /** The step's time and seeded randomness, for every evaluation in it. */
  Sources sources() {
    return sources;
  }

  /**
   * Leaves the current state with {@code stateOutput}: to {@code next}, or ending the execution
   * when next is null. {@code assigned} variables take effect now, after output processing.
   */
  void exit(State state, JsonNode stateOutput, Map<String, JsonNode> assigned, String next) {
    // Serialized once: the size check, the exited event, the next state's entered event and the
    // runtime's stored record all use this text. The subtrees it shares with the input are copied.
    JsonText outputText = JsonText.write(stateOutput, stateInputJson);
    // Past the depth every record shares, the text could not be read back.
    if (outputText == null) {
      throw StatesError.runtime("The state/task '" + state.name() + "' returned a result nested deeper than "
          + Json.MAX_PAYLOAD_DEPTH + " levels.");
    }
    String outputJson = outputText.text();
    // A char is at most 3 UTF-8 bytes, so only long texts need counting.
    if ((long) outputJson.length() * 3 > MAX_PAYLOAD_BYTES && Json.utf8Length(outputJson) > MAX_PAYLOAD_BYTES) {
      throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED,
          "The state/task '" + state.name() + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }
    if (assigned != null && !assigned.isEmpty()) {
      Map<String, JsonNode> merged = new HashMap<>(variables);
      merged.putAll(assigned);
      variables = Map.copyOf(merged);
    }
    history.stateExited(state.base().events(), outputJson);
    if (next == null) {
      output = stateOutput;
      if (!info.isChild()) {
        ObjectNode d = Json.object();
        d.set("outputDetails", History.NOT_TRUNCATED);
        history.add("ExecutionSucceeded", "executionSucceededEventDetails", d, "output", outputJson);
      }
      status = ExecutionStatus.SUCCEEDED;
      phase = Phase.DONE;
      current = null;
    } else {
      current = next;
      stateInput = stateOutput;
      stateInputJson = outputText;
      phase = Phase.ENTER;
      command(Command.CONTINUE);
    }
  }

  /** A Fail state, or an error nothing caught: the execution fails. */
  void failExecution(String failError, String failCause) {
    endExecution(ExecutionStatus.FAILED, "ExecutionFailed", failError, failCause);
  }

  private void endExecution(ExecutionStatus endStatus, String eventType, String endError, String endCause) {
    if (!info.isChild()) {
      history.failed(eventType, eventType.substring(0, 1).toLowerCase() + eventType.substring(1) + "EventDetails",
          endError, endCause);
    }
    status = endStatus;
    phase = Phase.DONE;
    error = endError;
    cause = endCause;
    commands.clear();
  }

  /**
   * An error in the current state: retried, caught, or failing the execution (see {@link Recovery}).
   */
  void fail(State state, String failError, String failCause) {
    new Recovery(this, state).fail(failError, failCause, true);
  }

  /** The current Task ran past its TimeoutSeconds: see {@link Recovery#timedOut}. */
  void failTimedOut(State state, String failError) {
    new Recovery(this, state).timedOut(failError);
  }

  /**
   * A payload over the size limit in the state itself or in one of its branches or iterations:
   * terminal for States.ALL, so only an ErrorEquals naming States.DataLimitExceeded handles it.
   */
  void failOverLimit(State state, String failCause) {
    new Recovery(this, state).fail(ErrorNames.DATA_LIMIT_EXCEEDED, failCause, false);
  }

  /** Retries the current state after its interval: the retriers' attempts so far, and the timer. */
  void retry(List<Integer> attempts, Instant due) {
    retrierAttempts = attempts;
    retryCount++;
    phase = Phase.AWAIT_RETRY;
    commands.clear();
    command(new Command.StartTimer(due));
  }

  List<Integer> retrierAttempts() {
    return retrierAttempts;
  }

  String currentState() {
    return current;
  }

  ExecutionInfo info() {
    return info;
  }

  /** Drops what the state asked for so far: a Catch takes the execution elsewhere. */
  void clearCommands() {
    commands.clear();
  }

  /** What a catcher makes of the error: the next state's input and the variables it assigns. */
  record Caught(JsonNode output, Map<String, JsonNode> assigned) {}

  private Decision decision() {
    // Read-only views: the transition is dropped once decided, so nothing changes them after.
    return new Decision(snapshot(), history.events(), Collections.unmodifiableList(commands));
  }

  private ExecutionState snapshot() {
    return new ExecutionState(info, status, phase, current, stateInput, stateInputJson, enteredTime, enteredEventId,
        history.lastId(), history.cursor(), retryCount, retrierAttempts, variables, taskToken, output, error, cause, transitions);
  }
}
