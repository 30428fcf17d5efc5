package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * AWS's template linter, with the SAM transform, finds no error and no warning in template.yml.
 * Skipped where cfn-lint is not installed ({@code pip install cfn-lint}).
 */
class CfnLintTest {
  @Test
  void givenTemplate_whenLinted_thenNoErrorsOrWarnings() throws Exception {
    Assumptions.assumeTrue(installed(), "cfn-lint is not on PATH");

    Process lint = new ProcessBuilder("cfn-lint", "--format", "parseable", "--", "template.yml")
        .directory(Template.repoRoot().toFile()).redirectErrorStream(true).start();
    lint.getOutputStream().close();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(lint.waitFor(3, TimeUnit.MINUTES), "cfn-lint did not finish");

    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational (not reported by default).
    assertEquals(0, lint.exitValue(), "cfn-lint template.yml:\n" + output);
  }

  private static boolean installed() throws InterruptedException {
    try {
      Process version = new ProcessBuilder(List.of("cfn-lint", "--version")).redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException notFound) {
      return false;
    }
  }
}
