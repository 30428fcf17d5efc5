package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.driver.StateTest;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.ChildOutcome;
import io.stepwise.engine.Event;
import io.stepwise.eval.ErrorNames;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.MockResults;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TestState's {@code mock}, checked as Step Functions checks it: which states take one (a Map or
 * Parallel needs one, a Pass, Fail or Succeed takes none), one of {@code result} and
 * {@code errorOutput}, and a result that fits the state: an array for a Map (with a ResultWriter,
 * an object: what it writes), one item per branch for a Parallel, the integration's result shape
 * for a Task. A Task's mock answers its calls; a Map's or Parallel's is the result of its
 * children, which do not run.
 */
final class TestStateMocks {
  private static final Set<String> MODES = Set.of("STRICT", "PRESENT", "NONE");
  private static final String THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

  private final JsonNode mock;
  private final State tested;
  private final JsonNode result;

  private TestStateMocks(JsonNode mock, State tested, JsonNode result) {
    this.mock = mock;
    this.tested = tested;
    this.result = result;
  }

  /** @return the request's mock, checked; null when it has none */
  static TestStateMocks of(JsonNode mock, State tested, boolean revealSecrets, Integrations registry) {
    boolean fanOut = tested instanceof State.Map || tested instanceof State.Parallel;
    if (mock == null || mock.isNull()) {
      if (fanOut) {
        throw new ApiException("InvalidDefinition", "TestState API does not support Map or Parallel states. "
            + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
      }
      return null;
    }
    if (tested instanceof State.Pass || tested instanceof State.Fail || tested instanceof State.Succeed) {
      throw ApiErrors.refused("State type '" + tested.getClass().getSimpleName() + "' is not supported when a mock is specified");
    }
    if (revealSecrets) throw ApiErrors.refused("TestState does not support RevealSecrets when a mock is specified.");
    boolean hasResult = mock.hasNonNull("result");
    boolean hasError = mock.hasNonNull("errorOutput");
    if (hasResult && hasError) {
      throw ApiErrors.refused("A test mock should have only one of the following fields: [result, errorOutput].");
    }
    if (!hasResult && !hasError) throw ApiErrors.refused("A test mock should have one of the following fields: [result, errorOutput].");
    String mode = mock.path("fieldValidationMode").asText("STRICT");
    if (!MODES.contains(mode)) {
      throw ApiErrors.validation("Value '" + mode + "' at 'mock.fieldValidationMode' failed to "
          + "satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
    }
    if (!hasResult) return new TestStateMocks(mock, tested, null);
    JsonNode result;
    try {
      result = Json.parse(mock.get("result").asText());
    } catch (IllegalArgumentException e) {
      throw ApiErrors.refused("Mocked result must be valid JSON");
    }
    if (tested instanceof State.Map map) {
      if (map.resultWriter() != null) {
        if (!result.isObject()) throw ApiErrors.refused("Mocked result must be a JSON object.");
      } else if (!result.isArray()) {
        throw ApiErrors.refused("Mocked result must be an array.");
      }
    }
    if (tested instanceof State.Parallel parallel) {
      if (!result.isArray()) throw ApiErrors.refused("Mocked result must be an array.");
      if (result.size() != parallel.branches().size()) {
        throw ApiErrors.refused("Mocked result must contain the same number of items as number of Parallel branches.");
      }
    }
    if (tested instanceof State.Task task && registry.lookup(task.resource()) instanceof Integrations.Lookup.Found found) {
      MockResults.problem(found.target(), result, MockResults.Mode.valueOf(mode), AwsServiceCatalog.standard())
          .ifPresent(problem -> {
            throw ApiErrors.refused("Mock result schema validation error: " + problem);
          });
    }
    return new TestStateMocks(mock, tested, result);
  }

  /** Every task call answered with the mock. */
  TaskInvoker tasks() {
    return call -> result != null ? TaskOutcome.success(result) : TaskOutcome.failure(error(), cause());
  }

  /**
   * The children's outcome: the mocked error as the state's own; else, past the Map's declared
   * tolerance of {@code failedIterations}, States.ExceedToleratedFailureThreshold; else the
   * mocked results, one per child.
   */
  StateTest.MockedChildren children(int failedIterations) {
    return (total, tolerated) -> {
      if (result == null) return new Event.TaskFailed(error(), cause());
      // A Map tests its failures against a tolerance only when it declares one (AWS's recordings).
      if (tested instanceof State.Map map && map.declaresTolerance() && failedIterations > tolerated) {
        return new Event.TaskFailed(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, THRESHOLD_CAUSE);
      }
      // A ResultWriter Map's mock is what it writes (its MapRunArn and ResultWriterDetails), not its items' results.
      if (result.isObject()) return new Event.ChildrenFinished(List.of(), null, result);
      List<ChildOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < result.size(); i++) outcomes.add(ChildOutcome.success(i, result.get(i)));
      return new Event.ChildrenFinished(outcomes);
    };
  }


  private String error() {
    return mock.path("errorOutput").path("error").asText(null);
  }

  private String cause() {
    return mock.path("errorOutput").path("cause").asText(null);
  }
}
