package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Catcher;
import io.stepwise.asl.Retrier;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
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
  private final List<Command> commands = new ArrayList<>();
  private ExecutionInfo info;

  // The fields of the ExecutionState under construction.
  private ExecutionStatus status;
  private Phase phase;
  private String current;
  private JsonNode stateInput;
  private String stateInputJson;
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

  Transition(StateMachine machine, ExecutionState s, Instant now, Entropy entropy) {
    this.machine = machine;
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
      endExecution(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", ErrorNames.TIMEOUT,
          "The execution has exceeded the TimeoutSeconds of the state machine.");
      return decision();
    }
    State state = machine.state(current);
    Runner runner = new Runner(this, state);
    try {
      switch (phase) {
        case ENTER -> {
          if (!(event instanceof Event.Advance)) return unchanged();
          if (history.lastId() == 0 && !info.isChild()) executionStarted();
          enter(state);
          runner.run();
        }
        case AWAIT_TASK -> {
          if (event instanceof Event.TaskSucceeded ok) runner.taskSucceeded(ok.result());
          else if (event instanceof Event.TaskFailed failed) runner.taskFailed(failed.error(), failed.cause());
          else return unchanged();
        }
        case AWAIT_TIMER -> {
          if (!(event instanceof Event.TimerFired)) return unchanged();
          runner.timerFired();
        }
        case AWAIT_RETRY -> {
          if (!(event instanceof Event.TimerFired)) return unchanged();
          runner.run();
        }
        case AWAIT_CHILDREN -> {
          if (event instanceof Event.TaskFailed failed) {
            // The runtime could not read the items or write the results: the Map Run fails first.
            if (state instanceof State.Map map && map.distributed()) {
              history.add("MapRunFailed", "mapRunFailedEventDetails",
                  Json.object().put("error", failed.error()).put("cause", failed.cause()));
            }
            fail(state, failed.error(), failed.cause());
            return decision();
          }
          if (!(event instanceof Event.ChildrenFinished done)) return unchanged();
          runner.childrenFinished(done);
        }
        case DONE -> {
          return unchanged();
        }
      }
    } catch (StatesError e) {
      // A state's own output over the limit is terminal for States.ALL (developer guide: "a
      // terminal error that can't be caught by the States.ALL error type"); a task's result over
      // the limit arrives as an ordinary task failure instead.
      boolean ownLimit = e.error().equals(ErrorNames.DATA_LIMIT_EXCEEDED);
      String located = ownLimit ? e.cause() : locate(e.cause());
      if (e.error().equals(ErrorNames.QUERY_EVALUATION_ERROR)) history.evaluationFailed(state.name(), e.error(), located);
      fail(state, e.error(), located, !ownLimit);
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
    history.aside("ExecutionStarted", "executionStartedEventDetails", d, "input", Json.write(info.input()));
  }

  private void enter(State state) {
    transitions++;
    enteredTime = now;
    retryCount = 0;
    retrierAttempts = List.of();
    taskToken = null;
    if (stateInputJson == null) stateInputJson = Json.write(stateInput);
    enteredEventId = history.stateEntered(state.base().type(), state.name(), stateInputJson);
  }

  /** The cause of an evaluation error, prefixed with the state and event that raised it, as AWS does. */
  String locate(String evaluationCause) {
    return "An error occurred while executing the state '" + current + "' (entered at the event id #"
        + enteredEventId + "). " + evaluationCause;
  }

  // ---- what the state runner calls ----------------------------------------------------------

  String executionArn() {
    return info.executionArn();
  }

  /** The state machine's roleArn, which every Task call runs with. */
  String roleArn() {
    return info.roleArn();
  }

  String stateMachineArn() {
    return info.stateMachineArn();
  }

  String executionName() {
    return info.name();
  }

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
    ObjectNode context = Json.object();
    context.set("Execution", info.contextExecution());
    ObjectNode stateNode = Json.object();
    stateNode.put("EnteredTime", Timestamps.format(enteredTime == null ? now : enteredTime));
    stateNode.put("Name", current);
    // AWS gives RetryCount only to the states that can retry.
    if (current != null && canRetry(machine.state(current))) {
      stateNode.put("RetryCount", retryCount);
    }
    context.set("State", stateNode);
    context.set("StateMachine", info.contextStateMachine());
    if (taskToken != null) context.set("Task", Json.object().put("Token", taskToken));
    return context;
  }

  private static boolean canRetry(State state) {
    return state instanceof State.Task || state instanceof State.Parallel || state instanceof State.Map;
  }

  Scope scope(JsonNode input) {
    return Scope.lazy(input, this::context, variables, sources);
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
    // Checked before printing: past the depth every record shares, the text could not be read back.
    if (Json.tooDeep(stateOutput)) {
      throw StatesError.runtime("The state/task '" + state.name() + "' returned a result nested deeper than "
          + Json.MAX_PAYLOAD_DEPTH + " levels.");
    }
    // Serialized once: the size check, the exited event, the next state's entered event and the
    // runtime's stored record all use this text.
    String outputJson = Json.write(stateOutput);
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
    history.stateExited(state.base().type(), state.name(), outputJson);
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
      stateInputJson = outputJson;
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
   * An error in the current state: retried, caught, or failing the execution. Only Task,
   * Parallel and Map states have Retry and Catch.
   */
  void fail(State state, String failError, String failCause) {
    fail(state, failError, failCause, true);
  }

  /** As {@link #fail(State, String, String)}; without {@code wildcards} only an ErrorEquals naming the error matches. */
  private void fail(State state, String failError, String failCause, boolean wildcards) {
    String name = failError == null ? "" : failError;
    failError = ErrorNames.recorded(failError);
    // A Map or Parallel that is not retried records its failure before it is caught or ends the run.
    if (!retries(state, name, wildcards)) {
      if (state instanceof State.Map) history.add("MapStateFailed");
      else if (state instanceof State.Parallel) history.add("ParallelStateFailed");
    }
    List<Retrier> retriers = state.base().retry();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (wildcards ? !retrier.matches(name) : !retrier.errorEquals().contains(name)) continue;
      int attempts = i < retrierAttempts.size() ? retrierAttempts.get(i) : 0;
      if (attempts >= retrier.maxAttempts()) break;
      List<Integer> updated = new ArrayList<>(retrierAttempts);
      while (updated.size() <= i) updated.add(0);
      updated.set(i, attempts + 1);
      retrierAttempts = List.copyOf(updated);
      retryCount++;
      phase = Phase.AWAIT_RETRY;
      commands.clear();
      command(new Command.StartTimer(now.plusMillis(RetryDelay.millis(retrier, attempts, info.executionArn(), current, retryCount))));
      return;
    }
    for (Catcher catcher : state.base().catchers()) {
      if (wildcards ? !catcher.matches(name) : !catcher.errorEquals().contains(name)) continue;
      commands.clear();
      ObjectNode errorOutput = Json.object();
      errorOutput.put("Error", failError);
      errorOutput.put("Cause", failCause);
      try {
        Caught caught = ErrorOutput.apply(this, state, catcher, errorOutput);
        exit(state, caught.output(), caught.assigned(), catcher.next());
      } catch (StatesError e) {
        failExecution(e.error(), locate(e.cause()));
      }
      return;
    }
    failExecution(failError, failCause);
  }

  /** Whether a retrier of {@code state} takes {@code error} and has attempts left. */
  private boolean retries(State state, String error, boolean wildcards) {
    List<Retrier> retriers = state.base().retry();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (wildcards ? !retrier.matches(error) : !retrier.errorEquals().contains(error)) continue;
      return (i < retrierAttempts.size() ? retrierAttempts.get(i) : 0) < retriers.get(i).maxAttempts();
    }
    return false;
  }

  /** What a catcher makes of the error: the next state's input and the variables it assigns. */
  record Caught(JsonNode output, Map<String, JsonNode> assigned) {}

  private Decision decision() {
    return new Decision(snapshot(), history.events(), List.copyOf(commands));
  }

  private ExecutionState snapshot() {
    return new ExecutionState(info, status, phase, current, stateInput, stateInputJson, enteredTime, enteredEventId,
        history.lastId(), history.cursor(), retryCount, retrierAttempts, variables, taskToken, output, error, cause, transitions);
  }
}
