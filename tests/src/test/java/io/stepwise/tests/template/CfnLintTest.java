package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * AWS's template linter, with the SAM transform, finds no error and no warning in template.yml.
 * Skipped where cfn-lint is not installed ({@code pip install cfn-lint}).
 */
class CfnLintTest {
  @Test
  void givenTemplate_whenLinted_thenNoErrorsOrWarnings() throws Exception {
    Assumptions.assumeTrue(CfnLint.installed(), "cfn-lint is not on PATH");

    CfnLint.Result lint = CfnLint.run(List.of(Path.of("template.yml")));

    assertEquals(0, lint.exit(), "cfn-lint template.yml:\n" + lint.output());
  }
}
