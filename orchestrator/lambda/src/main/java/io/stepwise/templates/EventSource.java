package io.stepwise.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of an {@code AWS::Serverless::StateMachine}'s {@code Events}: what starts executions.
 * Values are the template's raw nodes, intrinsics unresolved.
 */
public sealed interface EventSource {
  /** The event's name in the template (its key under Events). */
  String name();

  /** {@code Type: Schedule}: an EventBridge rule with a ScheduleExpression. */
  record Schedule(String name, JsonNode expression, JsonNode input, JsonNode enabled, JsonNode state,
      JsonNode description, JsonNode ruleName) implements EventSource {}

  /** {@code Type: ScheduleV2}: an EventBridge Scheduler schedule. */
  record ScheduleV2(String name, JsonNode expression, JsonNode timezone, JsonNode input, JsonNode state,
      JsonNode description, JsonNode scheduleName, JsonNode groupName, JsonNode flexibleTimeWindow,
      JsonNode startDate, JsonNode endDate) implements EventSource {}

  /** {@code Type: EventBridgeRule} (or its old name {@code CloudWatchEvent}): a rule matching an event pattern. */
  record EventBridgeRule(String name, JsonNode pattern, JsonNode eventBusName, JsonNode input, JsonNode inputPath,
      JsonNode state, JsonNode ruleName) implements EventSource {}

  /** {@code Type: Api}: an HTTP endpoint whose request body starts an execution. */
  record Api(String name, JsonNode path, JsonNode method) implements EventSource {}

  Set<String> SCHEDULE = Set.of("Schedule", "Input", "Enabled", "State", "Description", "Name");
  Set<String> SCHEDULE_V2 = Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "Input", "State",
      "Description", "Name", "GroupName", "FlexibleTimeWindow", "StartDate", "EndDate");
  Set<String> RULE = Set.of("Pattern", "EventBusName", "Input", "InputPath", "State", "RuleName");
  Set<String> API = Set.of("Path", "Method", "RestApiId");

  /** Every event of the map; an unknown type or property is added to {@code unsupported} with its path. */
  static List<EventSource> all(String logicalId, JsonNode events, List<String> unsupported) {
    List<EventSource> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = events.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      String path = "Resources." + logicalId + ".Properties.Events." + name;
      String type = entry.getValue().path("Type").asText();
      JsonNode p = entry.getValue().path("Properties");
      Set<String> known = switch (type) {
        case "Schedule" -> SCHEDULE;
        case "ScheduleV2" -> SCHEDULE_V2;
        case "EventBridgeRule", "CloudWatchEvent" -> RULE;
        case "Api" -> API;
        default -> null;
      };
      if (known == null) {
        unsupported.add(path + ".Type: " + (type.isEmpty() ? "(none)" : type));
        continue;
      }
      for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
        String property = names.next();
        if (!known.contains(property)) unsupported.add(path + ".Properties." + property);
      }
      all.add(switch (type) {
        case "Schedule" -> new Schedule(name, p.get("Schedule"), p.get("Input"), p.get("Enabled"), p.get("State"),
            p.get("Description"), p.get("Name"));
        case "ScheduleV2" -> new ScheduleV2(name, p.get("ScheduleExpression"), p.get("ScheduleExpressionTimezone"),
            p.get("Input"), p.get("State"), p.get("Description"), p.get("Name"), p.get("GroupName"),
            p.get("FlexibleTimeWindow"), p.get("StartDate"), p.get("EndDate"));
        case "Api" -> new Api(name, p.get("Path"), p.get("Method"));
        default -> new EventBridgeRule(name, p.get("Pattern"), p.get("EventBusName"), p.get("Input"),
            p.get("InputPath"), p.get("State"), p.get("RuleName"));
      });
    }
    return all;
  }
}
