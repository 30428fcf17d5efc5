package io.stepwise.driver.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mocks} of a conformance case file: per Task state, what its integration returned
 * ({@code return}) or how it failed ({@code error}, {@code cause}). Every call of a state gets the
 * same answer; calls are recorded so tests can compare payloads with what AWS received.
 */
public final class CaseMocks implements TaskInvoker {
  private final JsonNode mocks;
  private final List<Command.InvokeTask> calls = new ArrayList<>();

  public CaseMocks(JsonNode mocks) {
    this.mocks = mocks;
  }

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    calls.add(call);
    JsonNode mock = mocks == null ? null : mocks.get(call.stateName());
    if (mock == null) {
      throw new UnsupportedTaskException("Task state '" + call.stateName() + "' (resource '" + call.resource()
          + "') has no mock in this case");
    }
    if (mock.has("return")) return TaskOutcome.success(mock.get("return"));
    return TaskOutcome.failure(text(mock.get("error")), text(mock.get("cause")));
  }

  public List<Command.InvokeTask> calls() {
    return List.copyOf(calls);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
