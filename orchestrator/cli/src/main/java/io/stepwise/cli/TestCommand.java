package io.stepwise.cli;

import io.stepwise.conformance.CaseResult;
import io.stepwise.conformance.ConformanceSuite;
import io.stepwise.conformance.RuntimeSuite;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code stepwise test [--runtime memory|local] PATH...}: conformance case files, in memory or
 * through the Lambda runtime on local servers; a line per failure, then the tally.
 */
final class TestCommand {
  static final Args.Spec SPEC = new Args.Spec("test", Set.of("--runtime", "--report-json"), Set.of());
  private final PrintStream out;
  private final PrintStream err;

  TestCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    if (args.positional().isEmpty()) throw new UsageException("test needs at least one PATH");
    List<Path> files;
    try {
      files = ConformanceSuite.caseFiles(args.positional().stream().map(Path::of).toList());
    } catch (IllegalArgumentException e) {
      err.println("stepwise: " + e.getMessage());
      return 2;
    }
    String runtime = args.option("--runtime") == null ? "memory" : args.option("--runtime");
    List<CaseResult> results;
    switch (runtime) {
      case "memory" -> results = ConformanceSuite.run(files);
      case "local" -> {
        err.println("stepwise test: starting ElasticMQ and dynalite for the Lambda runtime...");
        try (RuntimeSuite suite = RuntimeSuite.startFor(files)) {
          results = suite.run(files);
        }
      }
      default -> throw new UsageException("--runtime is memory (default) or local");
    }
    long passed = results.stream().filter(CaseResult::passed).count();
    for (CaseResult r : results) {
      if (!r.passed()) out.println("FAIL " + r.file() + ": " + r.message());
    }
    String report = args.option("--report-json");
    if (report != null) {
      try {
        Files.writeString(Path.of(report), Json.pretty(ConformanceSuite.report(results)));
      } catch (IOException e) {
        err.println("stepwise: cannot write " + report + ": " + e.getMessage());
        return 2;
      }
    }
    out.println(passed + " passed, " + (results.size() - passed) + " failed");
    ConformanceSuite.HistoryTally history = ConformanceSuite.HistoryTally.of(results);
    out.println("history: " + history.exact() + " exact of " + history.recorded() + " ("
        + history.failedOnHistoryAlone() + " cases failed on their history alone)");
    return passed == results.size() ? 0 : 1;
  }
}
