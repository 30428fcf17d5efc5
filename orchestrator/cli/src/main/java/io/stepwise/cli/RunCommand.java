package io.stepwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.StateMachine;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.HistoryLines;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.driver.VirtualClock;
import io.stepwise.driver.mocks.MockConfig;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** {@code stepwise run DEFINITION}: one execution in memory. */
final class RunCommand {
  static final Args.Spec SPEC = new Args.Spec("run", Set.of("--input", "--mocks", "--test-case", "--max-events"), Set.of("--fast"));
  private final PrintStream out;
  private final PrintStream err;

  RunCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    String file = args.single("DEFINITION file");
    StateMachine machine;
    JsonNode input;
    try {
      machine = Definitions.load(DefinitionFiles.definition(file));
    } catch (InvalidDefinitionException e) {
      for (Diagnostic d : e.diagnostics()) err.println(file + ": " + d);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(file + ": " + e.getMessage());
      return 2;
    }
    TaskInvoker tasks;
    try {
      input = DefinitionFiles.input(args.option("--input"));
      tasks = tasks(args);
    } catch (IllegalArgumentException e) {
      err.println("stepwise: " + e.getMessage());
      return 2;
    }
    VirtualClock clock = args.flag("--fast") ? VirtualClock.fast(Instant.now()) : VirtualClock.system();
    String machineName = Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String name = UUID.randomUUID().toString();
    ExecutionInfo info = new ExecutionInfo(
        "arn:aws:states:local:000000000000:execution:" + machineName + ":" + name, name,
        "arn:aws:states:local:000000000000:stateMachine:" + machineName, machineName, input, clock.now(),
        "arn:aws:iam::000000000000:role/stepwise", 0, false);
    InMemoryDriver driver = new InMemoryDriver(new Engine(Entropy.secure(), maxEvents(args)), tasks, clock, this::print);
    // On one thread real time runs a Parallel's waits one after another, so a branch failing at 1 s
    // would wait out its sibling's 20 s Wait before cutting it; threads let them overlap as on AWS.
    if (!args.flag("--fast")) driver = driver.withConcurrentChildren();
    ExecutionResult result;
    try {
      result = driver.run(machine, info);
    } catch (UnsupportedTaskException e) {
      err.println("stepwise: " + e.getMessage());
      return 1;
    }
    if (result.status() == ExecutionStatus.SUCCEEDED) {
      out.println(Json.pretty(result.output()));
      return 0;
    }
    err.println(result.status() + ": error=" + result.error() + " cause=" + result.cause());
    return 1;
  }

  /** {@code --max-events N}: the most history events the execution may have, as a deployment's MaxEvents. */
  private static long maxEvents(Args args) {
    String value = args.option("--max-events");
    if (value == null) return Engine.DEFAULT_MAX_EVENTS;
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 2) return n;
    } catch (NumberFormatException notANumber) {
      // told below
    }
    throw new UsageException("--max-events takes a whole number of at least 2, not '" + value + "'");
  }

  private TaskInvoker tasks(Args args) {
    String mocks = args.option("--mocks");
    String testCase = args.option("--test-case");
    if (mocks == null && testCase == null) return TaskInvoker.NONE;
    if (mocks == null || testCase == null) throw new UsageException("--mocks and --test-case go together");
    try {
      return new MockConfig(DefinitionFiles.read(mocks), testCase);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(mocks + ": " + e.getMessage());
    }
  }

  private void print(HistoryEvent event) {
    err.println(HistoryLines.format(event));
  }
}
