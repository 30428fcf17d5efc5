package io.stepwise.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a test method receives from {@link StepwiseExtension}: loads definitions and remembers
 * every run, so that a failing test prints their histories.
 */
public final class Workflows {
  private final List<WorkflowRun> runs = new ArrayList<>();

  /** A definition file (JSON, or YAML by its extension), relative to the module's directory. */
  public Workflow load(String file) {
    return load(file, Map.of());
  }

  /** @param substitutions DefinitionSubstitutions: {@code ${Name}} placeholders and their values */
  public Workflow load(String file, Map<String, String> substitutions) {
    return Workflow.load(Path.of(file), substitutions, runs::add);
  }

  List<WorkflowRun> runs() {
    return List.copyOf(runs);
  }
}
