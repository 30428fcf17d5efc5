package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.StateMachine;
import io.stepwise.asl.StateMachineParser;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.VirtualClock;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/** Runs definitions in memory on a virtual clock with scripted task outcomes. */
final class EngineTestSupport {
  /** "id<previous type" per event, one string, to read like a recorded history. */
  static String linkage(List<HistoryEvent> events) {
    return events.stream().map(e -> e.id() + "<" + e.previousEventId() + " " + e.type()).collect(Collectors.joining(", "));
  }

  /** {@link #linkage(List)} of a run's whole history. */
  static String linkage(ExecutionResult result) {
    return linkage(result.history());
  }

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private EngineTestSupport() {}

  static ExecutionInfo info(JsonNode input) {
    return new ExecutionInfo("arn:aws:states:us-east-1:111111111111:execution:m:e", "e",
        "arn:aws:states:us-east-1:111111111111:stateMachine:m", "m", input, T0,
        "arn:aws:iam::111111111111:role/r", 0, false);
  }

  static ExecutionResult run(String definition, String input, TaskInvoker tasks) {
    StateMachine machine = StateMachineParser.parse(Json.parse(definition));
    return new InMemoryDriver(new Engine(() -> "token-1"), tasks, VirtualClock.fast(T0), null)
        .run(machine, info(Json.parse(input)));
  }

  static List<String> types(ExecutionResult result) {
    return result.history().stream().map(HistoryEvent::type).toList();
  }

  /** Answers Task calls from a script, in order; records every call. */
  static final class Script implements TaskInvoker {
    final Deque<TaskOutcome> outcomes = new ArrayDeque<>();
    final List<Command.InvokeTask> calls = new ArrayList<>();

    Script then(TaskOutcome outcome) {
      outcomes.add(outcome);
      return this;
    }

    Script fail(String error, String cause) {
      return then(TaskOutcome.failure(error, cause));
    }

    Script succeed(String json) {
      return then(TaskOutcome.success(Json.parse(json)));
    }

    @Override
    public TaskOutcome invoke(Command.InvokeTask call) {
      calls.add(call);
      if (outcomes.isEmpty()) throw new AssertionError("unexpected task call " + call);
      return outcomes.poll();
    }
  }
}
