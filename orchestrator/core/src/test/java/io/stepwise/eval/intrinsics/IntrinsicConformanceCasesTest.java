package io.stepwise.eval.intrinsics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the {@code "key.$": "States.X(...)"} parameters of the AWS-recorded cases in
 * {@code shared/conformance/cases/intrinsics} (found by walking up from the working directory, or
 * named by {@code -Dstepwise.conformance.dir}) and compares each with AWS's output. Skipped where
 * the cases are not checked out. The whole-engine run of these files belongs to the CLI's suite.
 */
class IntrinsicConformanceCasesTest {
  private static final JsonNode CONTEXT = Json.parse(
      "{\"StateMachine\":{\"Name\":\"machine-name\",\"Id\":\"arn:aws:states:us-east-1:1:stateMachine:machine-name\"}}");

  @TestFactory
  Stream<DynamicTest> everyIntrinsicParameterOfTheRecordedCasesMatchesAws() throws IOException {
    Path dir = casesDirectory();
    assumeTrue(dir != null, "conformance cases not found");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode testCase = Json.read(file);
        JsonNode state = firstState(testCase.get("definition"));
        JsonNode parameters = state.get("Parameters");
        if (parameters == null || "JSONata".equals(state.path("QueryLanguage").asText())) continue;
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (!field.getKey().endsWith(".$") || !Intrinsics.isCall(field.getValue().asText())) continue;
          tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + field.getKey(),
              () -> check(testCase, field.getKey(), field.getValue().asText())));
        }
      }
    }
    assumeTrue(!tests.isEmpty(), "no intrinsic cases");
    return tests.stream();
  }

  private static void check(JsonNode testCase, String key, String expression) {
    Scope scope = new Scope(testCase.get("input"), CONTEXT, Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
    JsonNode actual = Eval.eval(expression, scope);
    String name = key.substring(0, key.length() - 2);
    String fuzzyPath = "$.expected.output." + name;
    boolean fuzzy = false;
    for (JsonNode path : testCase.path("fuzzy_paths")) fuzzy |= path.asText().equals(fuzzyPath);
    if (fuzzy) {
      assertNotNull(actual);
    } else {
      assertEquals(testCase.get("expected").get("output").get(name), actual, expression);
    }
  }

  private static JsonNode firstState(JsonNode definition) {
    return definition.get("States").get(definition.get("StartAt").asText());
  }

  private static Path casesDirectory() {
    String configured = System.getProperty("stepwise.conformance.dir");
    if (configured != null) return Path.of(configured, "cases", "intrinsics");
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/conformance/cases/intrinsics");
      if (Files.isDirectory(candidate)) return candidate;
    }
    return null;
  }
}
