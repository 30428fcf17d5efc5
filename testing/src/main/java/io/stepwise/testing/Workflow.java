package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.DefinitionSubstitutions;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.VirtualClock;
import io.stepwise.driver.mocks.MockConfig;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A state machine loaded for a test, with its tasks mocked by state name or by a Step Functions
 * Local MockConfigFile. Each {@link #run} is an execution in memory on virtual time: Waits and
 * Retry intervals pass at once, while the history keeps their timestamps.
 */
public final class Workflow {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final String name;
  private final StateMachine machine;
  private final Map<String, List<Mock>> mocks = new HashMap<>();
  private final Consumer<WorkflowRun> onRun;
  private TaskInvoker fallback = TaskInvoker.NONE;

  Workflow(String name, StateMachine machine, Consumer<WorkflowRun> onRun) {
    this.name = name;
    this.machine = machine;
    this.onRun = onRun;
  }

  /** A definition file (JSON or YAML), its {@code ${Name}} placeholders filled from {@code substitutions}. */
  static Workflow load(Path file, Map<String, String> substitutions, Consumer<WorkflowRun> onRun) {
    JsonNode definition = DefinitionFiles.read(file);
    DefinitionSubstitutions.Result filled = DefinitionSubstitutions.apply(definition, substitutions);
    if (!filled.problems().isEmpty()) throw new IllegalArgumentException(file + ": " + filled.problems());
    String name = file.getFileName().toString().replaceFirst("\\..*$", "");
    return new Workflow(name, Definitions.load(filled.definition()), onRun);
  }

  /** The Task state {@code state} answers with {@code answers} in turn; the last one repeats. */
  public Workflow mock(String state, Mock... answers) {
    if (answers.length == 0) throw new IllegalArgumentException("mock(" + state + ") needs at least one answer");
    mocks.put(state, List.of(answers));
    return this;
  }

  /** Tasks not mocked by name answer from test case {@code testCase} of a MockConfigFile. */
  public Workflow mockConfig(Path file, String testCase) {
    fallback = new MockConfig(DefinitionFiles.read(file), testCase);
    return this;
  }

  /** Runs an execution with {@code inputJson} to its end. */
  public WorkflowRun run(String inputJson) {
    StateMocks tasks = new StateMocks(mocks, fallback);
    String execution = "test-" + System.nanoTime();
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:000000000000:execution:" + name + ":" + execution,
        execution, "arn:aws:states:us-east-1:000000000000:stateMachine:" + name, name, Json.parse(inputJson), START,
        "arn:aws:iam::000000000000:role/stepwise-test", 0, false);
    List<io.stepwise.engine.HistoryEvent> seen = new ArrayList<>();
    InMemoryDriver driver = new InMemoryDriver(new Engine(Entropy.secure()), tasks, VirtualClock.fast(START), seen::add);
    ExecutionResult result = driver.run(machine, info);
    WorkflowRun run = new WorkflowRun(name, result, tasks);
    onRun.accept(run);
    return run;
  }
}
