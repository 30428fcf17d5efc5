package io.stepwise.local.stack;

import static io.stepwise.local.stack.StackTemplate.list;
import static io.stepwise.local.stack.StackTemplate.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A template's {@code AWS::Events::Rule}s as {@link StartTrigger}s: a schedule or an event pattern,
 * whose target is Stepwise's start function (the Input is its request) or a state machine (as on
 * Step Functions: the Input, or the event, is the execution's input).
 */
final class TemplateRules {
  private TemplateRules() {}

  static List<StartTrigger> read(StackTemplate template, LocalValues values, String startFunctionId,
      Collection<String> stateMachineArns, Consumer<String> log) {
    List<StartTrigger> triggers = new ArrayList<>();
    for (String id : template.ofType("AWS::Events::Rule")) {
      Map<String, Object> properties = template.properties(id);
      Object expression = properties.get("ScheduleExpression");
      Object pattern = properties.get("EventPattern");
      String state = properties.containsKey("State") ? values.text(properties.get("State")) : "ENABLED";
      boolean enabled = "ENABLED".equals(state);
      for (Object target : list(properties.getOrDefault("Targets", List.of()))) {
        Map<String, Object> fields = map(target);
        String arn;
        String input = values.text(fields.get("Input"));
        if (startFunctionId != null && startFunctionId.equals(References.resource(fields.get("Arn")))) {
          JsonNode request = input == null ? Json.NODES.objectNode() : Json.parse(input);
          arn = request.path("stateMachineArn").asText(null);
          input = request.has("input") ? inputText(request.get("input")) : null;
        } else {
          arn = values.text(fields.get("Arn"));
          if (!stateMachineArns.contains(arn)) {
            log.accept("rule " + id + ": target " + fields.get("Id") + " is not a state machine or the start function,"
                + " not run locally");
            continue;
          }
        }
        if (expression != null) {
          triggers.add(new StartTrigger.Schedule(id, values.text(expression), arn, input, enabled));
        } else if (pattern != null) {
          String bus = properties.containsKey("EventBusName") ? values.text(properties.get("EventBusName")) : "default";
          triggers.add(new StartTrigger.Rule(id, bus, SamStateMachines.resolve(Json.mapper().valueToTree(pattern), values),
              arn, input, values.text(fields.get("InputPath")), enabled));
        }
      }
    }
    return triggers;
  }

  private static String inputText(JsonNode input) {
    return input.isTextual() ? input.textValue() : Json.write(input);
  }
}
