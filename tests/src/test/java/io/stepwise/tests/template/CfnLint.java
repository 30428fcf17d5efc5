package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** cfn-lint, AWS's template linter (with the SAM transform), run once over several files. */
final class CfnLint {
  /** Exit status is a bit mask: 2 errors, 4 warnings, 8 informational (not reported by default). */
  record Result(int exit, String output) {}

  private CfnLint() {}

  /** Whether cfn-lint is on PATH ({@code pip install cfn-lint}); tests are skipped where it is not. */
  static boolean installed() throws InterruptedException {
    try {
      Process version = new ProcessBuilder(List.of("cfn-lint", "--version")).redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException notFound) {
      return false;
    }
  }

  static Result run(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
    files.forEach(file -> command.add(file.toString()));
    Process lint = new ProcessBuilder(command).directory(Template.repoRoot().toFile()).redirectErrorStream(true).start();
    lint.getOutputStream().close();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(lint.waitFor(3, TimeUnit.MINUTES), "cfn-lint did not finish");
    return new Result(lint.exitValue(), output);
  }
}
