package io.stepwise.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every AWS-recorded case in shared/conformance runs through the in-memory engine; 95% must pass,
 * and 98% of those that record a history must give it exactly.
 */
class PublicConformanceTest {
  private static final double REQUIRED = 0.95;
  private static final double HISTORY_REQUIRED = 0.98;

  @Test
  void publicCases_passAtLeast95Percent() {
    Path dir = Path.of(System.getProperty("stepwise.conformance.dir", "../../../shared/conformance/cases"));
    assumeTrue(Files.isDirectory(dir), "no conformance cases at " + dir.toAbsolutePath());
    List<CaseResult> results = ConformanceSuite.run(ConformanceSuite.caseFiles(List.of(dir)));
    long passed = results.stream().filter(CaseResult::passed).count();
    String failures = results.stream().filter(r -> !r.passed())
        .map(r -> r.name() + ": " + r.message()).collect(Collectors.joining("\n"));
    System.out.println("conformance: " + passed + " passed, " + (results.size() - passed) + " failed\n" + failures);
    assertTrue(results.size() >= 400, "expected the ~428 public cases, found " + results.size());
    assertTrue(passed >= Math.ceil(REQUIRED * results.size()),
        passed + "/" + results.size() + " passed; failures:\n" + failures);
    ConformanceSuite.HistoryTally history = ConformanceSuite.HistoryTally.of(results);
    assertTrue(history.recorded() >= 200, "expected the ~221 recorded histories, found " + history.recorded());
    assertTrue(history.exact() >= Math.ceil(HISTORY_REQUIRED * history.recorded()),
        history.exact() + "/" + history.recorded() + " histories exact; failures:\n" + failures);
  }
}
