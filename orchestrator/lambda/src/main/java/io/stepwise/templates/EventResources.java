package io.stepwise.templates;

import static io.stepwise.templates.StepwiseMacro.document;
import static io.stepwise.templates.StepwiseMacro.getAtt;
import static io.stepwise.templates.StepwiseMacro.ref;
import static io.stepwise.templates.StepwiseMacro.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.List;

/**
 * A state machine's Events as the resources SAM would make for them, aimed at Stepwise's start
 * function instead of Step Functions: the function's request is {@code {"stateMachineArn": ...,
 * "input": ...}}, built by the rule's Input or InputTransformer.
 */
final class EventResources {
  private final StepwiseMacro.Settings settings;
  private final StateMachineSpec spec;

  EventResources(StepwiseMacro.Settings settings, StateMachineSpec spec) {
    this.settings = settings;
    this.spec = spec;
  }

  void addTo(ObjectNode resources, List<String> problems) {
    for (EventSource event : spec.events()) {
      String id = spec.logicalId() + event.name();
      if (event instanceof EventSource.Schedule s) {
        ObjectNode properties = rule(resources, id);
        properties.set("ScheduleExpression", s.expression());
        properties.put("State", state(s.enabled(), s.state()));
        copy(properties, "Description", s.description());
        copy(properties, "Name", s.ruleName());
        properties.putArray("Targets").add(target(id, s.input()));
      } else if (event instanceof EventSource.EventBridgeRule r) {
        ObjectNode properties = rule(resources, id);
        properties.set("EventPattern", r.pattern());
        copy(properties, "EventBusName", r.eventBusName());
        properties.put("State", state(null, r.state()));
        copy(properties, "Name", r.ruleName());
        ObjectNode target = r.input() != null ? target(id, r.input()) : transformedTarget(id, r.inputPath());
        properties.putArray("Targets").add(target);
      } else if (event instanceof EventSource.ScheduleV2 s) {
        schedule(resources, id, s);
      } else if (event instanceof EventSource.Api a) {
        problems.add("Resources." + spec.logicalId() + ".Properties.Events." + a.name()
            + ": Api events run on ./stepwise local only; on AWS, call the Stepwise API's StartExecution");
      }
    }
  }

  /** An AWS::Events::Rule and the permission for it to invoke the start function; returns the rule's Properties. */
  private ObjectNode rule(ObjectNode resources, String id) {
    ObjectNode rule = resources.putObject(id);
    rule.put("Type", "AWS::Events::Rule");
    ObjectNode permission = resources.putObject(id + "Permission");
    permission.put("Type", "AWS::Lambda::Permission");
    ObjectNode grant = permission.putObject("Properties");
    grant.put("Action", "lambda:InvokeFunction");
    grant.put("FunctionName", settings.startFunctionArn());
    grant.put("Principal", "events.amazonaws.com");
    grant.set("SourceArn", getAtt(id, "Arn"));
    return rule.putObject("Properties");
  }

  private void schedule(ObjectNode resources, String id, EventSource.ScheduleV2 s) {
    ObjectNode schedule = resources.putObject(id);
    schedule.put("Type", "AWS::Scheduler::Schedule");
    ObjectNode properties = schedule.putObject("Properties");
    properties.set("ScheduleExpression", s.expression());
    copy(properties, "ScheduleExpressionTimezone", s.timezone());
    copy(properties, "Name", s.scheduleName());
    copy(properties, "GroupName", s.groupName());
    copy(properties, "Description", s.description());
    copy(properties, "StartDate", s.startDate());
    copy(properties, "EndDate", s.endDate());
    properties.put("State", state(null, s.state()));
    if (s.flexibleTimeWindow() != null) properties.set("FlexibleTimeWindow", s.flexibleTimeWindow());
    else properties.putObject("FlexibleTimeWindow").put("Mode", "OFF");
    ObjectNode target = properties.putObject("Target");
    target.put("Arn", settings.startFunctionArn());
    target.set("RoleArn", getAtt(id + "Role", "Arn"));
    target.set("Input", request(s.input()));

    ObjectNode role = resources.putObject(id + "Role");
    role.put("Type", "AWS::IAM::Role");
    ObjectNode roleProperties = role.putObject("Properties");
    roleProperties.set("AssumeRolePolicyDocument", trust("Service", Json.NODES.textNode("scheduler.amazonaws.com"),
        "sts:AssumeRole"));
    ObjectNode statement = Json.NODES.objectNode();
    statement.put("Effect", "Allow");
    statement.put("Action", "lambda:InvokeFunction");
    statement.put("Resource", settings.startFunctionArn());
    ObjectNode policy = roleProperties.putArray("Policies").addObject();
    policy.put("PolicyName", id + "StartExecution");
    policy.set("PolicyDocument", document(List.of(statement)));
  }

  /** A target with a fixed Input: {@code {"stateMachineArn": <ARN>, "input": <the event's Input, or {}>}}. */
  private ObjectNode target(String id, JsonNode input) {
    ObjectNode target = Json.NODES.objectNode();
    target.put("Id", id + "StepwiseTarget");
    target.put("Arn", settings.startFunctionArn());
    target.set("Input", request(input));
    return target;
  }

  /** A target that hands over the matched event (or the part InputPath selects) as the execution's input. */
  private ObjectNode transformedTarget(String id, JsonNode inputPath) {
    ObjectNode target = Json.NODES.objectNode();
    target.put("Id", id + "StepwiseTarget");
    target.put("Arn", settings.startFunctionArn());
    ObjectNode transformer = target.putObject("InputTransformer");
    String variable = "<aws.events.event.json>";
    if (inputPath != null) {
      transformer.putObject("InputPathsMap").set("selected", inputPath);
      variable = "<selected>";
    }
    transformer.set("InputTemplate", join("{\"stateMachineArn\":\"", ref(spec.logicalId()), "\",\"input\":" + variable + "}"));
    return target;
  }

  private JsonNode request(JsonNode input) {
    JsonNode body = input == null ? Json.NODES.textNode("{}") : input;
    return join("{\"stateMachineArn\":\"", ref(spec.logicalId()), "\",\"input\":", body, "}");
  }

  private static ObjectNode join(Object... parts) {
    ObjectNode join = Json.NODES.objectNode();
    ArrayNode arguments = join.putArray("Fn::Join");
    arguments.add("");
    ArrayNode list = arguments.addArray();
    for (Object part : parts) {
      if (part instanceof JsonNode node) list.add(node);
      else list.add(String.valueOf(part));
    }
    return join;
  }

  /** Schedule's Enabled (true/false) or State; ENABLED when neither is given, as SAM does. */
  private static String state(JsonNode enabled, JsonNode state) {
    if (state != null && state.isTextual()) return state.textValue();
    if (enabled != null && (enabled.isBoolean() || enabled.isTextual())) {
      return enabled.asText().equalsIgnoreCase("false") ? "DISABLED" : "ENABLED";
    }
    return "ENABLED";
  }

  private static void copy(ObjectNode properties, String name, JsonNode value) {
    if (value != null) properties.set(name, value);
  }
}
