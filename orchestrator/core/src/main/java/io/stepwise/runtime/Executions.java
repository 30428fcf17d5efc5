package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateMachine;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.express.ExpressArns;
import io.stepwise.express.ExpressStart;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.json.Json;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** StartExecution as Step Functions does it, on the store and the queue. */
public final class Executions {
  static final int MAX_INPUT_BYTES = 256 * 1024;
  private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  private final ExecutionStore store;
  private final StateMachines machines;
  private final StepQueue queue;
  private final InstantSource clock;
  private final StartTargets targets;
  private final StepQueue expressQueue;

  /** Starts by machine ARNs only (no versions or aliases kept). */
  public Executions(ExecutionStore store, StateMachines machines, StepQueue queue, InstantSource clock) {
    this(store, machines, queue, clock, new StartTargets(machines.store(), null, null, null));
  }

  public Executions(ExecutionStore store, StateMachines machines, StepQueue queue, InstantSource clock,
      StartTargets targets) {
    this(store, machines, queue, clock, targets, queue);
  }

  /** @param expressQueue where an Express execution's one message goes (its own queue on AWS, for the 5 minutes) */
  public Executions(ExecutionStore store, StateMachines machines, StepQueue queue, InstantSource clock,
      StartTargets targets, StepQueue expressQueue) {
    this.expressQueue = expressQueue;
    this.store = store;
    this.machines = machines;
    this.queue = queue;
    this.clock = clock;
    this.targets = targets;
  }

  /** What StartExecution returns. */
  public record Started(String executionArn, Instant startDate) {}

  /**
   * Starts an execution of the machine's latest version, or of a version or alias given by its ARN. The same name and input while it runs
   * returns the same execution; otherwise a used name is {@code ExecutionAlreadyExists}.
   *
   * @param name null for a generated one
   * @param inputText the input JSON text, null for {@code {}}
   */
  public Started start(String stateMachineArn, String name, String inputText) {
    return start(stateMachineArn, name, inputText, null);
  }

  /**
   * @param callbackToken a parent's {@code .sync} task token, answered with this execution's
   *     outcome when it ends; null for none
   */
  public Started start(String targetArn, String name, String inputText, String callbackToken) {
    StartTargets.Target target = targets.resolve(targetArn);
    if (isExpress(target)) {
      if (callbackToken != null) {
        throw new ApiException("StateMachineTypeNotSupported",
            "Stepwise does not support starting an EXPRESS state machine from a .sync task; use the request-response form");
      }
      ExpressStart express = express(target, name, inputText);
      expressQueue.send(express.toMessage(), 0); // the whole run is this one message (at-least-once)
      return new Started(express.executionArn(), express.startDate());
    }
    StateMachineStore.StateMachineRecord machine = target.machine();
    String stateMachineArn = machine.arn();
    String executionName = checkedName(name);
    JsonNode input = checkedInput(inputText);
    String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what storage keeps
    ExecutionInfo info = new ExecutionInfo(executionArn, executionName, stateMachineArn, machine.name(), input, now,
        machine.roleArn(), 0, false);
    StateMachine parsed = machines.get(stateMachineArn, machine.version());
    StepMessage first = StepMessage.advance(executionArn, 0);
    ExecutionRecord record = new ExecutionRecord(ExecutionState.start(info, parsed.startAt()), 0, stateMachineArn,
        machine.version(), first).answering(callbackToken).startedThrough(target.origin());
    // The first message goes out before the record exists: a crash in between leaves a message
    // the DLQ parks, never a record that nothing will advance. The execution's timeout is sent
    // by its first transition, bound to this record's start and version.
    queue.send(first, 0);
    if (!store.create(record)) return existing(executionArn, input);
    return new Started(executionArn, now);
  }

  /**
   * An Express execution of the target, checked and named but not yet run (StartSyncExecution
   * runs it at once); null when the target is not an Express machine.
   */
  public ExpressStart expressStart(String targetArn, String name, String inputText) {
    StartTargets.Target target = targets.resolve(targetArn);
    return isExpress(target) ? express(target, name, inputText) : null;
  }

  private static boolean isExpress(StartTargets.Target target) {
    return "EXPRESS".equals(target.machine().type());
  }

  private ExpressStart express(StartTargets.Target target, String name, String inputText) {
    StateMachineStore.StateMachineRecord machine = target.machine();
    String executionName = checkedName(name);
    JsonNode input = checkedInput(inputText);
    String executionArn = ExpressArns.executionArn(machine.arn(), executionName, UUID.randomUUID().toString());
    return new ExpressStart(executionArn, executionName, machine.arn(), machine.name(), machine.version(),
        machine.roleArn(), input, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String checkedName(String name) {
    String executionName = name == null ? UUID.randomUUID().toString() : name;
    if (!NAME.matcher(executionName).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + executionName + "'");
    }
    return executionName;
  }

  private static JsonNode checkedInput(String inputText) {
    String text = inputText == null ? "{}" : inputText;
    if (io.stepwise.json.Json.utf8Length(text) > MAX_INPUT_BYTES) {
      throw new ApiException("InvalidExecutionInput", "The input exceeds the maximum size of 262144 bytes.");
    }
    if (text.isEmpty()) {
      // AWS's own words for an empty input (test_sfn_api.py::test_invalid_start_execution_input, start_res_empty).
      throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: 'Invalid execution input.'");
    }
    JsonNode input;
    try {
      input = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
    }
    if (Json.tooDeep(input)) {
      throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + Json.TOO_DEEP + "'");
    }
    return input;
  }

  private Started existing(String executionArn, JsonNode input) {
    ExecutionRecord existing = store.load(executionArn).orElseThrow(() -> new IllegalStateException("lost " + executionArn));
    ExecutionState state = existing.state();
    if (state.status() == ExecutionStatus.RUNNING && Objects.equals(state.info().input(), input)) {
      return new Started(executionArn, state.info().startTime());
    }
    throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
  }
}
