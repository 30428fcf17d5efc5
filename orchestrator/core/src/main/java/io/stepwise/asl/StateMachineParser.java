package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.ChoiceRule;
import io.stepwise.asl.choice.ChoiceRules;
import io.stepwise.eval.PayloadTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a definition that has passed validation into typed data. It trusts the validator for
 * shapes, and fails with IllegalArgumentException on anything it cannot read.
 */
public final class StateMachineParser {
  private StateMachineParser() {}

  public static StateMachine parse(JsonNode definition) {
    return machine(definition, QueryLanguage.JSONPATH, "");
  }

  private static StateMachine machine(JsonNode node, QueryLanguage inherited, String location) {
    QueryLanguage language = node.has("QueryLanguage") ? QueryLanguage.of(node.get("QueryLanguage").asText()) : inherited;
    Map<String, State> states = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey().intern();
      states.put(name, state(name, e.getValue(), language, location + "/States/" + name));
    }
    Integer timeout = node.has("TimeoutSeconds") ? node.get("TimeoutSeconds").asInt() : null;
    return new StateMachine(node.path("StartAt").asText().intern(), Collections.unmodifiableMap(states),
        text(node, "Comment"), timeout, language);
  }

  private static State state(String name, JsonNode node, QueryLanguage inherited, String location) {
    QueryLanguage language = node.has("QueryLanguage") ? QueryLanguage.of(node.get("QueryLanguage").asText()) : inherited;
    String type = node.path("Type").asText();
    StateBase base = base(name, type, node, language);
    return switch (type) {
      case "Pass" -> new State.Pass(base, node.get("Result"));
      case "Task" -> new State.Task(base, node.path("Resource").asText(),
          seconds(node, "TimeoutSeconds"), seconds(node, "HeartbeatSeconds"), node.get("Credentials"));
      case "Choice" -> choice(base, node, location);
      case "Wait" -> new State.Wait(base, seconds(node, "Seconds"), node.get("Timestamp"), text(node, "TimestampPath"));
      case "Succeed" -> new State.Succeed(base);
      case "Fail" -> new State.Fail(base, node.get("Error"), node.get("Cause"), text(node, "ErrorPath"), text(node, "CausePath"));
      case "Parallel" -> parallel(base, node, language, location);
      case "Map" -> map(base, node, language, location);
      default -> throw new IllegalArgumentException(location + ": unknown state type '" + type + "'");
    };
  }

  private static StateBase base(String name, String type, JsonNode node, QueryLanguage language) {
    boolean jsonata = language == QueryLanguage.JSONATA;
    return new StateBase(name, type, language, stateName(node, "Next"),
        pathField(node, "InputPath"), pathField(node, "OutputPath"), pathField(node, "ResultPath"),
        jsonata ? null : template(node.get("Parameters")),
        jsonata ? null : template(node.get("ResultSelector")),
        node.get("Arguments"), node.get("Output"), assign(node.get("Assign"), language),
        retriers(node.get("Retry")), catchers(node.get("Catch"), language), StateEvents.of(name, type));
  }

  private static Assign assign(JsonNode node, QueryLanguage language) {
    if (node == null) return null;
    return new Assign(node, language == QueryLanguage.JSONATA ? null : PayloadTemplate.compile(node));
  }

  private static State.Choice choice(StateBase base, JsonNode node, String location) {
    List<State.Choice.Branch> branches = new ArrayList<>();
    int i = 0;
    for (JsonNode rule : node.path("Choices")) {
      ChoiceRule parsed = null;
      if (!base.isJsonata()) {
        Diagnostics problems = new Diagnostics();
        parsed = ChoiceRules.parse(rule, location + "/Choices[" + i + "]", true, problems);
        if (!problems.isEmpty()) throw new IllegalArgumentException(problems.all().toString());
      }
      branches.add(new State.Choice.Branch(parsed, rule.get("Condition"), stateName(rule, "Next"),
          assign(rule.get("Assign"), base.language()), rule.get("Output"), "Choices[" + i + "]"));
      i++;
    }
    return new State.Choice(base, List.copyOf(branches), stateName(node, "Default"));
  }

  private static State.Parallel parallel(StateBase base, JsonNode node, QueryLanguage language, String location) {
    List<StateMachine> branches = new ArrayList<>();
    int i = 0;
    for (JsonNode branch : node.path("Branches")) branches.add(machine(branch, language, location + "/Branches/" + i++));
    return new State.Parallel(base, List.copyOf(branches));
  }

  private static State.Map map(StateBase base, JsonNode node, QueryLanguage language, String location) {
    JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
    StateMachine processor = machine(processorNode, language, location + "/ItemProcessor");
    boolean distributed = "DISTRIBUTED".equals(processorNode.path("ProcessorConfig").path("Mode").asText());
    JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
    return new State.Map(base, processor, distributed,
        node.has("ItemsPath") ? node.get("ItemsPath").asText() : "$", node.get("Items"),
        base.isJsonata() ? null : template(selector), base.isJsonata() ? selector : null,
        node.get("ItemBatcher"), node.get("ItemReader"), node.get("ResultWriter"),
        seconds(node, "MaxConcurrency"), seconds(node, "ToleratedFailureCount"),
        seconds(node, "ToleratedFailurePercentage"), text(node, "Label"));
  }

  private static State.Seconds seconds(JsonNode node, String field) {
    if (node.has(field)) return new State.Seconds(node.get(field), null, field);
    if (node.has(field + "Path")) return new State.Seconds(null, node.get(field + "Path").asText(), field + "Path");
    return null;
  }

  private static List<Retrier> retriers(JsonNode retry) {
    if (retry == null) return List.of();
    List<Retrier> out = new ArrayList<>();
    for (JsonNode r : retry) {
      out.add(new Retrier(strings(r.path("ErrorEquals")),
          r.has("IntervalSeconds") ? r.get("IntervalSeconds").asInt() : 1,
          r.has("MaxAttempts") ? r.get("MaxAttempts").asInt() : 3,
          r.has("BackoffRate") ? r.get("BackoffRate").asDouble() : 2.0,
          r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asInt() : null,
          "FULL".equals(r.path("JitterStrategy").asText()) ? Retrier.Jitter.FULL : Retrier.Jitter.NONE));
    }
    return List.copyOf(out);
  }

  private static List<Catcher> catchers(JsonNode catchNode, QueryLanguage language) {
    if (catchNode == null) return List.of();
    List<Catcher> out = new ArrayList<>();
    for (JsonNode c : catchNode) {
      out.add(new Catcher(strings(c.path("ErrorEquals")), stateName(c, "Next"), pathField(c, "ResultPath"),
          c.get("Output"), assign(c.get("Assign"), language), "Catch[" + out.size() + "]"));
    }
    return List.copyOf(out);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  private static PathField pathField(JsonNode node, String field) {
    if (!node.has(field)) return PathField.DEFAULT;
    JsonNode value = node.get(field);
    return value.isNull() ? PathField.NULL : new PathField(value.asText());
  }

  private static PayloadTemplate template(JsonNode node) {
    return node == null ? null : PayloadTemplate.compile(node);
  }

  /**
   * A state's name as a transition names it: interned, as the States' keys are, so that looking
   * the state up finds its key by identity, without reading the name's characters.
   */
  private static String stateName(JsonNode node, String field) {
    String name = text(node, field);
    return name == null ? null : name.intern();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
