package io.stepwise.driver.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code mocks} of a conformance case file: per Task state, what its integration returned
 * ({@code return}) or how it failed ({@code error}, {@code cause}). Every call of a state gets the
 * same answer, unless the mock lists {@code responses}: then call n gets the n-th (the last one
 * answering any further call), as a state AWS called more than once in a loop answered each
 * time. Calls are recorded so tests can compare payloads with what AWS received.
 *
 * <p>A Lambda Task inside a distributed Map runs in the Map Run's child executions, whose
 * histories AWS's recording of the parent does not hold, so such a case carries no mock for it.
 * Those calls are answered by an identity function (the one AWS's recordings invoked): the
 * function returns its payload. Any other Task without a mock is refused, naming it.
 */
public final class CaseMocks implements TaskInvoker {
  private final JsonNode mocks;
  private final Set<String> unrecorded;
  // Map iterations and Parallel branches call from several threads on the Lambda runtime.
  private final List<Command.InvokeTask> calls = new ArrayList<>();
  // Guarded by calls: how often each state was called, which numbered responses answer by.
  private final Map<String, Integer> callsPerState = new HashMap<>();

  public CaseMocks(JsonNode mocks) {
    this(mocks, null);
  }

  /** The mocks of a case whose state machine is {@code definition}. */
  public CaseMocks(JsonNode mocks, JsonNode definition) {
    this.mocks = mocks;
    this.unrecorded = new HashSet<>();
    if (definition != null) collectDistributedTasks(definition, false, unrecorded);
  }

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    int earlier;
    synchronized (calls) {
      calls.add(call);
      earlier = callsPerState.merge(call.stateName(), 1, Integer::sum) - 1;
    }
    JsonNode mock = mocks == null ? null : mocks.get(call.stateName());
    if (mock != null && mock.has("responses")) {
      JsonNode responses = mock.get("responses");
      mock = responses.get(Math.min(earlier, responses.size() - 1));
    }
    if (mock == null && unrecorded.contains(call.stateName())) {
      TaskOutcome echoed = identityLambda(call);
      if (echoed != null) return echoed;
    }
    if (mock == null) {
      throw new UnsupportedTaskException("Task state '" + call.stateName() + "' (resource '" + call.resource()
          + "') has no mock in this case");
    }
    if (mock.has("return")) return TaskOutcome.success(mock.get("return"));
    return TaskOutcome.failure(text(mock.get("error")), text(mock.get("cause")));
  }

  /** Whether the case carries a mock for {@code stateName}. */
  public boolean mocks(String stateName) {
    return mocks != null && mocks.has(stateName);
  }

  public List<Command.InvokeTask> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The identity function's answer: its payload, wrapped as lambda:invoke wraps it; null for other resources. */
  private static TaskOutcome identityLambda(Command.InvokeTask call) {
    Resource resource = Resource.parse(call.resource());
    if (resource.isLegacyLambda()) return TaskOutcome.success(call.payload());
    if (!"lambda".equals(resource.service()) || !"invoke".equals(resource.action()) || !resource.pattern().isEmpty()) {
      return null;
    }
    ObjectNode response = Json.object();
    response.put("ExecutedVersion", "$LATEST");
    response.set("Payload", call.payload().path("Payload").isMissingNode() ? Json.NODES.nullNode() : call.payload().get("Payload"));
    response.put("StatusCode", 200);
    return TaskOutcome.success(response);
  }

  /** The names of the Task states that run inside a distributed Map's item processor. */
  private static void collectDistributedTasks(JsonNode machine, boolean inDistributed, Set<String> out) {
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = machine.path("States").fields(); it.hasNext(); ) {
      var entry = it.next();
      JsonNode state = entry.getValue();
      String type = state.path("Type").asText();
      if (inDistributed && "Task".equals(type)) out.add(entry.getKey());
      if ("Parallel".equals(type)) {
        for (JsonNode branch : state.path("Branches")) collectDistributedTasks(branch, inDistributed, out);
      }
      if ("Map".equals(type)) {
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
        boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
        collectDistributedTasks(processor, inDistributed || distributed, out);
      }
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
