package io.stepwise.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cases written from the Step Functions developer guide and from AWS recordings that the public
 * conformance cases do not cover (src/test/resources/cases): every one must pass in memory and
 * on the Lambda runtime (ElasticMQ, dynalite and s3rver), Express cases and mocked nested executions included.
 */
class DocumentedBehaviourCasesTest {
  @Test
  void documentedBehaviourCases_allPass() {
    assertEquals("", failures(ConformanceSuite.run(cases())));
  }

  @Test
  void documentedBehaviourCases_allPassOnTheLambdaRuntime() {
    List<Path> cases = cases();
    try (RuntimeSuite suite = RuntimeSuite.startFor(cases)) {
      assertEquals("", failures(suite.run(cases)));
    }
  }

  private static List<Path> cases() {
    List<Path> files = ConformanceSuite.caseFiles(List.of(Path.of("src/test/resources/cases")));
    assertTrue(files.size() >= 10, "expected the documented cases, found " + files.size());
    return files;
  }

  private static String failures(List<CaseResult> results) {
    return results.stream().filter(r -> !r.passed())
        .map(r -> r.name() + ": " + r.message()).collect(Collectors.joining("\n"));
  }
}
