package io.stepwise.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateMachine;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Decision;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Event;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.Phase;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one state of a machine on the engine, as TestState does: the state's successors are
 * stand-ins ({@code Succeed} states), so the run stops as soon as one is entered, naming it; a
 * failure that a Retry would retry stops the run as RETRIABLE instead of waiting.
 */
public final class StateTest {
  private final Engine engine;
  private final TaskInvoker tasks;
  private final Options options;

  public StateTest(Engine engine, TaskInvoker tasks) {
    this(engine, tasks, Options.NONE);
  }

  public StateTest(Engine engine, TaskInvoker tasks, Options options) {
    this.engine = engine;
    this.tasks = tasks;
    this.options = options;
  }

  /**
   * What a Map's iterations or a Parallel's branches end in when they are mocked rather than
   * run: ChildrenFinished, or TaskFailed for the state's own failure.
   */
  @FunctionalInterface
  public interface MockedChildren {
    /** @param total the children there would be; @param tolerated the failures the Map tolerates among them */
    Event finished(int total, long tolerated);
  }

  /**
   * @param children the mocked outcome of a Map's or Parallel's children, or null to run them
   * @param priorRetries retries taken before this attempt (TestState's {@code retrierRetryCount}):
   *     each failure that a Retry takes is retried at once until they are used up
   * @param readerItems the items a mocked ItemReader Map reads, for its tolerance
   */
  public record Options(MockedChildren children, int priorRetries, int readerItems) {
    public static final Options NONE = new Options(null, 0, 0);
  }

  public enum Status { SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR }

  /**
   * @param output the state's output: its successor's input, or the execution's output at an end
   * @param nextState the successor entered, null at an end or a failure
   * @param retryDelaySeconds for RETRIABLE, the Retry's interval before the next attempt
   * @param childResults a Map's or Parallel's results as its children gave them (a ResultWriter Map's
   *     written result), or null
   */
  public record Result(Status status, JsonNode output, String error, String cause, String nextState,
      Long retryDelaySeconds, Map<String, JsonNode> variables, List<HistoryEvent> history, JsonNode childResults) {}

  /** @param machine the state under test as {@code StartAt}, each successor a stand-in */
  public Result run(StateMachine machine, ExecutionInfo info, Map<String, JsonNode> variables, Instant now) {
    List<HistoryEvent> history = new ArrayList<>();
    ExecutionState state = variables.isEmpty() ? ExecutionState.start(info, machine.startAt())
        : new ExecutionState(info, ExecutionStatus.RUNNING, Phase.ENTER, machine.startAt(), info.input(), null, null,
            0, 0, 0, 0, List.of(), variables, null, null, null, null, 0);
    String tested = machine.startAt();
    Event event = Event.ADVANCE;
    String error = null;
    String cause = null;
    int retries = 0;
    JsonNode childResults = null;
    while (true) {
      Decision decision = engine.step(machine, state, event, now);
      history.addAll(decision.events());
      state = decision.state();
      if (state.isDone()) {
        if (state.status() == ExecutionStatus.SUCCEEDED && !tested.equals(entered(history))) {
          Status status = error == null ? Status.SUCCEEDED : Status.CAUGHT_ERROR;
          return new Result(status, state.output(), error, cause, entered(history), null, state.variables(), history, childResults);
        }
        Status status = state.status() == ExecutionStatus.SUCCEEDED ? Status.SUCCEEDED : Status.FAILED;
        return new Result(status, state.output(), state.error(), state.cause(), null, null, state.variables(), history, childResults);
      }
      event = null;
      for (Command command : decision.commands()) {
        if (command instanceof Command.Continue) event = Event.ADVANCE;
        if (command instanceof Command.StartTimer timer) {
          if (error == null) {
            event = Event.TIMER_FIRED; // a Wait state: its time is not waited out
          } else if (retries < options.priorRetries()) {
            retries++;
            event = Event.TIMER_FIRED; // a retry taken before the attempt under test
          } else {
            long delay = Math.max(0, timer.dueAt().getEpochSecond() - now.getEpochSecond());
            return new Result(Status.RETRIABLE, null, error, cause, null, delay, state.variables(), history, childResults);
          }
        }
        if (command instanceof Command.InvokeTask call) {
          event = tasks.invoke(call).event();
        }
        if (command instanceof Command.RunChildren children) {
          event = options.children() != null ? options.children().finished(children.children().size(), children.toleratedFailures())
              : new InMemoryDriver(engine, tasks, VirtualClock.fast(now), e -> { }).runChildren(children, state);
        }
        if (command instanceof Command.ReadChildren read) {
          if (options.children() == null) {
            throw new IllegalStateException("a Map with an ItemReader runs in TestState only mocked");
          }
          event = options.children().finished(options.readerItems(), read.plan().toleratedFailures(options.readerItems()));
        }
        if (event instanceof Event.ChildrenFinished done) {
          ArrayNode results = Json.array();
          for (ChildOutcome child : done.outcomes()) if (child.succeeded()) results.add(child.output());
          childResults = done.written() != null ? done.written() : results;
        }
        if (event instanceof Event.TaskFailed failed) {
          error = failed.error();
          cause = failed.cause();
        }
      }
      if (event == null) throw new IllegalStateException("state " + state.currentState() + " left nothing to do");
    }
  }

  /** The state entered last: the stand-in of the successor, once the tested state has moved on. */
  private static String entered(List<HistoryEvent> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEvent event = history.get(i);
      if (event.type().endsWith("StateEntered")) return event.details().path("name").asText();
    }
    return null;
  }

  /** A stand-in's input, which is the tested state's output. */
  public static JsonNode enteredInput(List<HistoryEvent> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEvent event = history.get(i);
      if (event.type().endsWith("StateEntered")) return Json.parse(event.payload());
    }
    return null;
  }
}
