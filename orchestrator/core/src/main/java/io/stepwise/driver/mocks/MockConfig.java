package io.stepwise.driver.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Step Functions Local's MockConfigFile: {@code StateMachines.<machine>.TestCases.<case>} maps
 * state names to {@code MockedResponses}, each a map from invocation numbers ({@code "0"},
 * {@code "1-2"}, zero-based per state) to {@code Return} or {@code Throw {Error, Cause}}.
 */
public final class MockConfig implements TaskInvoker {
  private static final Pattern INVOCATIONS = Pattern.compile("\\s*\\d{1,9}\\s*(-\\s*\\d{1,9}\\s*)?");
  private final Map<String, JsonNode> responsesByState = new HashMap<>();
  private final Map<String, Integer> invocations = new HashMap<>();
  private final String testCase;

  /** @throws IllegalArgumentException when no state machine in the file has {@code testCase} */
  public MockConfig(JsonNode file, String testCase) {
    this.testCase = testCase;
    JsonNode testCaseNode = null;
    for (Iterator<JsonNode> it = file.path("StateMachines").elements(); it.hasNext() && testCaseNode == null; ) {
      testCaseNode = it.next().path("TestCases").get(testCase);
    }
    if (testCaseNode == null) throw new IllegalArgumentException("no test case '" + testCase + "' in the mock file");
    for (Iterator<Map.Entry<String, JsonNode>> it = testCaseNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode response = file.path("MockedResponses").get(e.getValue().asText());
      if (response == null) {
        throw new IllegalArgumentException("test case '" + testCase + "' names mocked response '"
            + e.getValue().asText() + "', which MockedResponses does not define");
      }
      checkResponses(e.getValue().asText(), response);
      responsesByState.put(e.getKey(), response);
    }
  }

  @Override
  public synchronized TaskOutcome invoke(Command.InvokeTask call) {
    JsonNode responses = responsesByState.get(call.stateName());
    if (responses == null) {
      throw new UnsupportedTaskException("Task state '" + call.stateName() + "' (resource '" + call.resource()
          + "') has no mocked response in test case '" + testCase + "'");
    }
    int n = invocations.merge(call.stateName(), 1, Integer::sum) - 1;
    JsonNode response = forInvocation(responses, n);
    if (response == null) {
      throw new UnsupportedTaskException("Task state '" + call.stateName() + "' has no mocked response for invocation "
          + n + " in test case '" + testCase + "'");
    }
    if (response.has("Throw")) {
      JsonNode thrown = response.get("Throw");
      return TaskOutcome.failure(thrown.path("Error").asText(null), thrown.path("Cause").asText(null));
    }
    return TaskOutcome.success(response.path("Return"));
  }

  /** Each key an invocation number or range ("0", "1-2"), each value a Return or a Throw. */
  private static void checkResponses(String name, JsonNode responses) {
    if (!responses.isObject()) throw new IllegalArgumentException("mocked response '" + name + "' must be an object");
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!INVOCATIONS.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("mocked response '" + name + "' has the key '" + e.getKey()
            + "': keys are invocation numbers counted from 0, one (\"0\") or a range (\"1-2\")");
      }
      JsonNode response = e.getValue();
      if (!response.isObject() || response.has("Return") == response.has("Throw")) {
        throw new IllegalArgumentException("mocked response '" + name + "', invocation '" + e.getKey()
            + "', must be an object with either \"Return\" or \"Throw\"");
      }
    }
  }

  private static JsonNode forInvocation(JsonNode responses, int n) {
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey().trim();
      int dash = key.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? key : key.substring(0, dash).trim());
      int to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1).trim());
      if (n >= from && n <= to) return e.getValue();
    }
    return null;
  }
}
