package io.stepwise.asl.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the AWS-recorded Choice cases: every case starts at a Choice state whose branches are
 * Pass or Fail states, so the branch our rules pick predicts the execution's outcome (the Pass
 * state's Result or the input, or the Fail state's error), which must be what AWS recorded.
 */
class ChoiceConformanceTest {
  private static final Set<String> PLAIN_CHOICE_FIELDS = Set.of("Type", "Choices", "Default", "Comment");
  private static final Set<String> PLAIN_PASS_FIELDS = Set.of("Type", "Result", "End", "Comment");

  /** Outcome of an execution: SUCCEEDED with output, or FAILED with error (and cause). */
  record Outcome(String status, JsonNode output, String error) {
    static Outcome succeeded(JsonNode output) {
      return new Outcome("SUCCEEDED", output, null);
    }

    static Outcome failed(String error) {
      return new Outcome("FAILED", null, error);
    }
  }

  static Path casesDir() {
    String configured = System.getProperty("stepwise.conformance.dir");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.dir")).resolve("../../../shared/conformance/cases").normalize();
  }

  static Stream<Path> choiceCases() throws IOException {
    Path dir = casesDir().resolve("choice");
    Assumptions.assumeTrue(Files.isDirectory(dir), "no conformance cases at " + dir);
    return sorted(Files.list(dir));
  }

  static Stream<Path> allCases() throws IOException {
    Path dir = casesDir();
    Assumptions.assumeTrue(Files.isDirectory(dir), "no conformance cases at " + dir);
    return sorted(Files.walk(dir));
  }

  private static Stream<Path> sorted(Stream<Path> files) {
    return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("choiceCases")
  void choiceCase_picksTheBranchAwsTook(Path file) {
    // given
    JsonNode testCase = Json.read(file);
    JsonNode definition = testCase.get("definition");
    JsonNode input = testCase.get("input");
    // when
    Outcome predicted = run(definition, input);
    // then
    JsonNode expected = testCase.get("expected");
    assertEquals(expected.get("status").asText(), predicted.status(), "status");
    if (predicted.output() != null) {
      assertTrue(sameJson(expected.get("output"), predicted.output()),
          "output: expected " + expected.get("output") + " but was " + predicted.output());
    } else {
      assertEquals(expected.get("error").asText(), predicted.error(), "error");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void everyJsonPathChoiceRuleInTheCorpus_parsesWithoutProblems(Path file) {
    // given
    JsonNode definition = Json.read(file).get("definition");
    List<String> checked = new ArrayList<>();
    Diagnostics problems = new Diagnostics();
    // when
    parseChoices(definition, "", false, problems, checked);
    // then
    assertEquals(List.of(), problems.all(), "problems in " + checked);
  }

  private static Outcome run(JsonNode definition, JsonNode input) {
    String start = definition.get("StartAt").asText();
    JsonNode choice = definition.get("States").get(start);
    assertEquals("Choice", choice.get("Type").asText(), "the case must start at its Choice state");
    assertOnly(choice, PLAIN_CHOICE_FIELDS);
    Scope scope = new Scope(input, Json.object(), Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
    String next;
    try {
      next = choose(choice, "/States/" + start, scope);
    } catch (StatesError e) {
      return Outcome.failed(e.error());
    }
    if (next == null) return Outcome.failed(ErrorNames.RUNTIME);
    JsonNode target = definition.get("States").get(next);
    return switch (target.get("Type").asText()) {
      case "Pass" -> {
        assertOnly(target, PLAIN_PASS_FIELDS);
        yield Outcome.succeeded(target.has("Result") ? target.get("Result") : input);
      }
      case "Fail" -> Outcome.failed(target.path("Error").asText(null));
      default -> throw new AssertionError("unsupported branch state " + target);
    };
  }

  /** The Next of the first matching rule, the Default, or null. */
  private static String choose(JsonNode choice, String at, Scope scope) {
    JsonNode choices = choice.get("Choices");
    for (int i = 0; i < choices.size(); i++) {
      Diagnostics problems = new Diagnostics();
      ChoiceRule rule = ChoiceRules.parse(choices.get(i), at + "/Choices/" + i, true, problems);
      assertEquals(List.of(), problems.all());
      if (rule.matches(scope)) return choices.get(i).get("Next").asText();
    }
    return choice.has("Default") ? choice.get("Default").asText() : null;
  }

  /** Parses every Choice state's rules found anywhere in the tree, skipping JSONata ones. */
  private static void parseChoices(JsonNode node, String at, boolean jsonata, Diagnostics problems, List<String> checked) {
    if (node.isObject()) {
      boolean mode = node.has("QueryLanguage") ? "JSONata".equals(node.get("QueryLanguage").asText()) : jsonata;
      if ("Choice".equals(node.path("Type").asText()) && node.has("Choices") && !mode) {
        JsonNode choices = node.get("Choices");
        for (int i = 0; i < choices.size(); i++) {
          ChoiceRules.parse(choices.get(i), at + "/Choices/" + i, true, problems);
          checked.add(at + "/Choices/" + i);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        parseChoices(field.getValue(), at + "/" + field.getKey(), mode, problems, checked);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) parseChoices(node.get(i), at + "/" + i, jsonata, problems, checked);
    }
  }

  private static void assertOnly(JsonNode state, Set<String> allowed) {
    state.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) fail("unsupported field " + f + " in " + state);
    });
  }

  /** JSON equality with numbers compared by value (1 equals 1.0). */
  private static boolean sameJson(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numeric = (x, y) -> x.isNumber() && y.isNumber()
        ? x.decimalValue().compareTo(y.decimalValue())
        : x.equals(y) ? 0 : 1;
    return a.equals(numeric, b);
  }
}
