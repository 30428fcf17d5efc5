package io.stepwise.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cases written from the Step Functions developer guide and from AWS recordings that the public
 * conformance cases do not cover (src/test/resources/cases): every one must pass in memory.
 */
class DocumentedBehaviourCasesTest {
  @Test
  void documentedBehaviourCases_allPass() {
    List<Path> files = ConformanceSuite.caseFiles(List.of(Path.of("src/test/resources/cases")));
    assertTrue(files.size() >= 10, "expected the documented cases, found " + files.size());
    List<CaseResult> results = ConformanceSuite.run(files);
    String failures = results.stream().filter(r -> !r.passed())
        .map(r -> r.name() + ": " + r.message()).collect(Collectors.joining("\n"));
    assertEquals("", failures);
  }
}
