package io.stepwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.validate.DefinitionValidator;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code stepwise validate DEFINITION}: every problem, with its location. */
final class ValidateCommand {
  static final Args.Spec SPEC = new Args.Spec("validate", Set.of(), Set.of());
  private final PrintStream out;
  private final PrintStream err;

  ValidateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    String file = args.single("DEFINITION file");
    JsonNode definition;
    try {
      definition = DefinitionFiles.definition(file);
    } catch (IllegalArgumentException e) {
      err.println(file + ": " + e.getMessage());
      return 2;
    }
    List<Diagnostic> problems = DefinitionValidator.validate(definition);
    if (problems.isEmpty()) {
      out.println(file + ": valid");
      return 0;
    }
    for (Diagnostic d : problems) err.println(file + ": " + d);
    err.println(problems.size() + " problem(s)");
    return 2;
  }
}
