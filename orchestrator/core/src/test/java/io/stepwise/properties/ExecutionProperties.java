package io.stepwise.properties;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.Definitions;
import io.stepwise.asl.validate.DefinitionValidator;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.InMemoryDriver;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.VirtualClock;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random well-formed machines (every state type, paths, templates and intrinsics, Retry and
 * Catch; transitions only go forward, so every run ends) run on random input and random task
 * outcomes to an end: SUCCEEDED or FAILED with a {@code States.*} or task error, never a Java
 * exception out of the engine.
 */
class ExecutionProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> PATHS = List.of("$", "$.a", "$.b", "$.arr", "$.arr[0]", "$.n", "$.s", "$.a.b", "$['x y']",
      "$.arr[*]", "$..n", "$.arr[?(@.n > 1)]", "$$.Execution.Input", "$$.State.Name");
  private static final List<String> REFERENCE_PATHS = List.of("$", "$.r", "$.a", "$.a.b", "$.arr[0]", "$.n");
  private static final List<String> INTRINSICS = List.of("States.Format('{} and {}', $.a, $.n)", "States.StringToJson($.s)",
      "States.JsonToString($)", "States.Array($.a, $.n)", "States.ArrayPartition($.arr, 2)", "States.ArrayContains($.arr, $.n)",
      "States.ArrayRange(1, $.n, 1)", "States.ArrayGetItem($.arr, $.n)", "States.ArrayLength($.arr)", "States.ArrayUnique($.arr)",
      "States.Base64Encode($.s)", "States.Base64Decode($.s)", "States.Hash($.s, 'SHA-256')", "States.JsonMerge($.a, $.b, false)",
      "States.MathAdd($.n, 1)", "States.StringSplit($.s, ',')", "States.UUID()", "States.MathRandom(1, $.n)");

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 300)
  void wellFormedMachines_runToAnEnd_onAnyInput(@ForAll("seeds") long seed) {
    Random random = new Random(seed);
    JsonNode definition = machine(random, 1);
    boolean valid = DefinitionValidator.validate(definition).isEmpty();
    Statistics.collect(valid ? "valid" : "invalid");
    if (!valid) return;
    JsonNode input = JsonValues.any().generator(100).next(random).value();
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:111111111111:execution:m:e", "e",
        "arn:aws:states:us-east-1:111111111111:stateMachine:m", "m", input, T0, "arn:aws:iam::111111111111:role/r", 0, false);
    Random tasks = new Random(seed + 1);
    ExecutionResult result = new InMemoryDriver(new Engine(() -> "token-1"), call -> tasks.nextInt(3) == 0
        ? TaskOutcome.failure(tasks.nextBoolean() ? "Job.Failed" : "States.TaskFailed", "cause")
        : TaskOutcome.success(JsonValues.any().generator(100).next(tasks).value()), VirtualClock.fast(T0), null)
        .run(Definitions.load(definition), info);
    assertNotNull(result.status());
    Statistics.label("status").collect(result.status().toString());
    if (result.error() != null) assertTrue(!result.error().isBlank(), "a failure names its error");
  }

  private static ObjectNode machine(Random random, int depth) {
    int count = 1 + random.nextInt(5);
    ObjectNode root = JSON.objectNode().put("StartAt", "S0");
    ObjectNode states = root.putObject("States");
    for (int i = 0; i < count; i++) states.set("S" + i, state(random, i, count, depth));
    return root;
  }

  private static ObjectNode state(Random random, int i, int count, int depth) {
    boolean last = i == count - 1;
    String type = last ? pick(random, List.of("Pass", "Succeed", "Fail", "Task", "Wait", "Parallel", "Map"))
        : pick(random, List.of("Pass", "Pass", "Choice", "Wait", "Task", "Task", "Parallel", "Map", "Succeed", "Fail"));
    if (depth == 0 && (type.equals("Parallel") || type.equals("Map"))) type = "Pass";
    ObjectNode state = JSON.objectNode().put("Type", type);
    switch (type) {
      case "Pass" -> {
        if (random.nextBoolean()) state.set("Parameters", template(random));
        else if (random.nextBoolean()) state.set("Result", JsonValues.any().generator(100).next(random).value());
        io(random, state);
      }
      case "Task" -> {
        state.put("Resource", "arn:aws:states:::lambda:invoke");
        ObjectNode parameters = state.putObject("Parameters").put("FunctionName", "f");
        parameters.put("Payload.$", pick(random, PATHS));
        if (random.nextBoolean()) state.set("ResultSelector", template(random));
        if (random.nextBoolean()) {
          state.putArray("Retry").addObject().put("MaxAttempts", random.nextInt(3)).put("IntervalSeconds", 1)
              .put("BackoffRate", 2.0).putArray("ErrorEquals").add("States.ALL");
        }
        if (!last && random.nextBoolean()) {
          ObjectNode catcher = state.putArray("Catch").addObject().put("Next", later(random, i, count)).put("ResultPath", "$.error");
          catcher.putArray("ErrorEquals").add(random.nextBoolean() ? "States.ALL" : "Job.Failed");
        }
        io(random, state);
      }
      case "Choice" -> {
        ArrayNode choices = state.putArray("Choices");
        for (int c = 1 + random.nextInt(3); c > 0; c--) {
          ObjectNode rule = choices.addObject().put("Variable", pick(random, PATHS)).put("Next", later(random, i, count));
          switch (random.nextInt(4)) {
            case 0 -> rule.put("NumericGreaterThan", random.nextInt(5));
            case 1 -> rule.put("StringEquals", "x");
            case 2 -> rule.put("IsPresent", random.nextBoolean());
            default -> rule.put("BooleanEquals", true);
          }
        }
        if (random.nextBoolean()) state.put("Default", later(random, i, count));
        return state;
      }
      case "Wait" -> {
        if (random.nextBoolean()) state.put("Seconds", random.nextInt(5));
        else state.put(random.nextBoolean() ? "SecondsPath" : "TimestampPath", pick(random, PATHS));
      }
      case "Fail" -> {
        if (random.nextBoolean()) state.put("Error", "Boom").put("Cause", "because");
        else state.put("ErrorPath", pick(random, PATHS)).put("CausePath", pick(random, PATHS));
        return state;
      }
      case "Succeed" -> {
        return state;
      }
      case "Parallel" -> {
        ArrayNode branches = state.putArray("Branches");
        for (int b = 1 + random.nextInt(2); b > 0; b--) branches.add(machine(random, depth - 1));
        io(random, state);
      }
      default -> { // Map
        state.put("ItemsPath", pick(random, List.of("$.arr", "$", "$.a")));
        if (random.nextBoolean()) state.put("MaxConcurrency", random.nextInt(3));
        ObjectNode processor = machine(random, depth - 1);
        state.set("ItemProcessor", processor);
        io(random, state);
      }
    }
    if (last || random.nextInt(4) == 0) state.put("End", true);
    else state.put("Next", later(random, i, count));
    return state;
  }

  /** InputPath, ResultPath and OutputPath, each sometimes. */
  private static void io(Random random, ObjectNode state) {
    if (random.nextInt(3) == 0) state.put("InputPath", pick(random, PATHS));
    if (random.nextInt(3) == 0) {
      if (random.nextInt(4) == 0) state.putNull("ResultPath"); else state.put("ResultPath", pick(random, REFERENCE_PATHS));
    }
    if (random.nextInt(3) == 0) state.put("OutputPath", pick(random, PATHS));
  }

  private static ObjectNode template(Random random) {
    ObjectNode template = JSON.objectNode();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      switch (random.nextInt(3)) {
        case 0 -> template.put("p" + i + ".$", pick(random, PATHS));
        case 1 -> template.put("f" + i + ".$", pick(random, INTRINSICS));
        default -> template.put("v" + i, "literal");
      }
    }
    return template;
  }

  private static String later(Random random, int i, int count) {
    return "S" + (i + 1 + random.nextInt(count - i - 1));
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
