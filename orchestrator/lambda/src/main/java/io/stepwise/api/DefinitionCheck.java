package io.stepwise.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.StateMachine;
import io.stepwise.asl.validate.ExpressChecks;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.validate.DefinitionValidator;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import java.util.List;
import java.util.stream.Collectors;

/** A definition checked the way the runtime will load it: every diagnostic, none hidden. */
final class DefinitionCheck {
  /** Step Functions' limit on a definition's length. */
  static final int MAX_DEFINITION_CHARS = 1_048_576;

  private DefinitionCheck() {}

  /** Every problem with {@code definition} for a machine of {@code type}; empty when the runtime can run it. */
  static List<Diagnostic> diagnose(String definition, String type) {
    List<Diagnostic> problems = DefinitionValidator.validateText(definition);
    if (!problems.isEmpty()) return problems;
    try {
      StateMachine machine = Definitions.load(Json.parse(definition)); // what StateMachines does with it later
      return "EXPRESS".equals(type) ? ExpressChecks.check(machine) : List.of();
    } catch (InvalidDefinitionException e) {
      return e.diagnostics();
    } catch (RuntimeException e) {
      return List.of(new Diagnostic(Diagnostics.SCHEMA, "", String.valueOf(e.getMessage())));
    }
  }

  /** @throws ApiException {@code InvalidDefinition}, its message listing every diagnostic */
  static void require(String definition, String type) {
    List<Diagnostic> problems = diagnose(definition, type);
    if (!problems.isEmpty()) throw refusal(problems);
  }

  /** CreateStateMachine's InvalidDefinition for {@code problems}, every one in AWS's words. */
  static ApiException refusal(List<Diagnostic> problems) {
    String all = problems.stream().map(DefinitionCheck::describe).collect(Collectors.joining(", "));
    return new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + all + "'");
  }

  /** ValidateStateMachineDefinition's result: OK or FAIL, the diagnostics, and whether they were cut. */
  static ObjectNode result(String definition, String type, int maxResults) {
    List<Diagnostic> problems = diagnose(definition, type);
    ArrayNode diagnostics = Json.array();
    for (Diagnostic d : problems.subList(0, Math.min(maxResults, problems.size()))) {
      ObjectNode diagnostic = diagnostics.addObject().put("severity", "ERROR").put("code", d.code()).put("message", d.message());
      if (d.location() != null) diagnostic.put("location", d.location());
    }
    ObjectNode result = Json.object().put("result", problems.isEmpty() ? "OK" : "FAIL");
    result.set("diagnostics", diagnostics);
    return result.put("truncated", problems.size() > maxResults);
  }

  /** AWS's words, location included when there is none: "MISSING_END_STATE: Workflow has no terminal state at null". */
  private static String describe(Diagnostic d) {
    return d.code() + ": " + d.message() + " at " + d.location();
  }
}
