package io.stepwise.properties;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.validate.DefinitionValidator;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random definitions, shaped like ASL but with any field in any state holding any value, never
 * make the validator or the parser throw: the validator lists diagnostics, and the parser either
 * loads what the validator accepts or reports an {@link InvalidDefinitionException}.
 */
class DefinitionProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> NAMES = List.of("A", "B", "C", "Loop", "");
  private static final List<String> TYPES = List.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map", "Nope");
  private static final List<String> FIELDS = List.of("Next", "End", "Comment", "InputPath", "OutputPath", "ResultPath",
      "Parameters", "Result", "ResultSelector", "Choices", "Default", "Variable", "StringEquals", "NumericGreaterThan",
      "BooleanEquals", "IsPresent", "And", "Or", "Not", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Branches",
      "Iterator", "ItemProcessor", "ItemsPath", "Items", "ItemSelector", "ItemReader", "ItemBatcher", "MaxConcurrency",
      "ToleratedFailurePercentage", "Retry", "Catch", "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
      "JitterStrategy", "Resource", "TimeoutSeconds", "HeartbeatSeconds", "TimeoutSecondsPath", "QueryLanguage", "Arguments",
      "Output", "Assign", "Condition", "Error", "Cause", "ErrorPath", "CausePath", "ProcessorConfig", "Mode",
      "ExecutionType", "StartAt", "States", "Credentials", "Label");
  private static final List<String> TEXTS = List.of("A", "B", "Loop", "$", "$.a", "$.arr[0]", "$$.Execution.Id", "$x",
      "$.a.b..c", "$[", "States.Format('{}', $.a)", "States.Nope()", "{% $states.input %}", "{% 1 + %}", "{% $x %}",
      "JSONata", "JSONPath", "arn:aws:states:::lambda:invoke", "arn:aws:states:::lambda:invoke.waitForTaskToken",
      "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:states:::nope", "States.ALL", "States.Timeout", "FULL",
      "JITTER", "INLINE", "DISTRIBUTED", "STANDARD", "2026-01-01T00:00:00Z", "not a date", "");
  private static final List<Long> NUMBERS = List.of(0L, 1L, -1L, 3L, 99_999_999L, (long) Integer.MAX_VALUE, Long.MAX_VALUE);
  private static final List<String> TEMPLATE_KEYS = List.of("a", "a.$", "b.$", "c", "Payload.$", "x", "");

  @Provide
  Arbitrary<JsonNode> definitions() {
    // Built from a seed in plain code: jqwik's nested combinators grow too slow at this depth.
    return Arbitraries.longs().map(seed -> machine(new Random(seed), 2));
  }

  private static JsonNode machine(Random random, int depth) {
    ObjectNode root = JSON.objectNode().put("StartAt", pick(random, NAMES));
    ObjectNode states = root.putObject("States");
    for (int i = 1 + random.nextInt(4); i > 0; i--) states.set(pick(random, NAMES), state(random, depth));
    for (int i = random.nextInt(3); i > 0; i--) root.set(pick(random, FIELDS), field(random, depth));
    return root;
  }

  private static JsonNode state(Random random, int depth) {
    ObjectNode state = JSON.objectNode().put("Type", pick(random, TYPES));
    for (int i = random.nextInt(7); i > 0; i--) state.set(pick(random, FIELDS), field(random, depth));
    return state;
  }

  /** A field's value: mostly plausible (names, paths, numbers, nested machines, rules), sometimes anything. */
  private static JsonNode field(Random random, int depth) {
    int kind = random.nextInt(depth == 0 ? 6 : 9);
    switch (kind) {
      case 0, 1:
        return JSON.textNode(pick(random, TEXTS));
      case 2:
        return JSON.numberNode(pick(random, NUMBERS));
      case 3: {
        var array = JSON.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) array.add(pick(random, TEXTS));
        return array;
      }
      case 4: {
        ObjectNode template = JSON.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) template.put(pick(random, TEMPLATE_KEYS), pick(random, TEXTS));
        return template;
      }
      case 5:
        return random.nextBoolean() ? JSON.booleanNode(random.nextBoolean()) : JSON.nullNode();
      case 6:
        return machine(random, depth - 1);
      case 7: {
        var rules = JSON.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) rules.add(field(random, depth - 1));
        return rules;
      }
      default: {
        ObjectNode rule = JSON.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) rule.set(pick(random, FIELDS), field(random, depth - 1));
        return rule;
      }
    }
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @Property(tries = 500)
  void validator_listsProblems_andTheParserLoadsWhatItAccepts(@ForAll("definitions") JsonNode definition) {
    List<Diagnostic> problems = DefinitionValidator.validate(definition);
    assertNotNull(problems);
    Statistics.collect(problems.isEmpty() ? "valid" : "invalid");
    if (problems.isEmpty()) {
      assertNotNull(Definitions.load(definition), "what the validator accepts, the parser loads");
      return;
    }
    try {
      Definitions.load(definition);
    } catch (InvalidDefinitionException invalid) {
      assertNotNull(invalid.diagnostics());
    }
  }

  @Property(tries = 300)
  void validator_takesAnyText(@ForAll("definitions") JsonNode definition, @ForAll("cuts") int cut) {
    String text = Json.write(definition);
    assertNotNull(DefinitionValidator.validateText(text.substring(0, Math.min(cut, text.length()))));
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 400);
  }
}
