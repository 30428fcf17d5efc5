package io.stepwise.testing;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks answered by state name: the n-th call of a state gets its n-th mock, the last one
 * repeating. States without mocks go to the fallback (a MockConfigFile, or nothing).
 */
final class StateMocks implements TaskInvoker {
  private final Map<String, List<Mock>> byState;
  private final TaskInvoker fallback;
  private final Map<String, Integer> calls = new HashMap<>();

  StateMocks(Map<String, List<Mock>> byState, TaskInvoker fallback) {
    this.byState = Map.copyOf(byState);
    this.fallback = fallback;
  }

  @Override
  public synchronized TaskOutcome invoke(Command.InvokeTask call) {
    int n = calls.merge(call.stateName(), 1, Integer::sum);
    List<Mock> mocks = byState.get(call.stateName());
    if (mocks == null) return fallback.invoke(call);
    return mocks.get(Math.min(n, mocks.size()) - 1).outcome;
  }

  synchronized int calls(String state) {
    return calls.getOrDefault(state, 0);
  }
}
