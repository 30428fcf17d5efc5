package io.stepwise.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.deploy.StateMachineDeployer;
import io.stepwise.templates.EventSource;
import io.stepwise.templates.PolicyTemplates;
import io.stepwise.templates.StateMachineSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every {@code AWS::Serverless::StateMachine} and {@code AWS::StepFunctions::StateMachine} of a
 * template, as written: read by {@link StateMachineSpec} (the macro's reader too), resolved with the
 * template's values, and created through the same {@link StateMachineDeployer} as
 * {@code Custom::StepwiseStateMachine}. Their Events become {@link StartTrigger}s; a property
 * Stepwise cannot honour is logged with its path.
 */
final class SamStateMachines {
  /** The created machines (logical id to ARN) and what starts them. */
  record Created(Map<String, String> arns, List<StartTrigger> triggers) {}

  private SamStateMachines() {}

  static Created create(StackTemplate template, LocalValues values, StateMachineDeployer deployer, Path templateDir,
      Consumer<String> log) {
    ObjectNode resources = Json.mapper().valueToTree(template.resources());
    Map<String, String> arns = new LinkedHashMap<>();
    List<StartTrigger> triggers = new ArrayList<>();
    for (String id : StateMachineSpec.ids(resources)) {
      StateMachineSpec spec = StateMachineSpec.of(id, resources.get(id));
      spec.unsupported().forEach(path -> log.accept("not honoured locally: " + path));
      ObjectNode properties = Json.NODES.objectNode();
      properties.put("Definition", definition(spec, values, templateDir));
      if (spec.substitutions() != null) {
        ObjectNode substitutions = properties.putObject("DefinitionSubstitutions");
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.substitutions().fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          substitutions.put(entry.getKey(), text(values, entry.getValue()));
        }
      }
      if (spec.name() != null) properties.put("StateMachineName", text(values, spec.name()));
      if (spec.type() != null) properties.put("Type", text(values, spec.type()));
      properties.put("RoleArn", role(spec, values, log));
      String arn = TemplateStateMachines.deploy(id, properties, values, deployer);
      arns.put(id, arn);
      for (EventSource event : spec.events()) triggers.add(trigger(id + event.name(), event, arn, values));
    }
    return new Created(arns, triggers);
  }

  /** The definition as JSON text: inline (intrinsics resolved, numbers kept), DefinitionString, or the DefinitionUri file. */
  private static String definition(StateMachineSpec spec, LocalValues values, Path templateDir) {
    if (spec.definition() != null) return Json.write(resolve(spec.definition(), values));
    if (spec.definitionString() != null) return text(values, spec.definitionString());
    JsonNode uri = spec.definitionUri();
    if (uri == null) {
      throw new IllegalArgumentException("state machine " + spec.logicalId() + " has no Definition, DefinitionString"
          + " or DefinitionUri");
    }
    if (!uri.isTextual() || uri.textValue().startsWith("s3://")) {
      throw new IllegalArgumentException("state machine " + spec.logicalId() + ": DefinitionUri " + uri
          + " is in S3; locally it must be a file path, relative to the template");
    }
    Path file = templateDir.resolve(uri.textValue()).normalize();
    try {
      String text = Files.readString(file);
      return file.toString().endsWith(".json") ? text : Json.write(Json.mapper().valueToTree(CfnYaml.parse(text)));
    } catch (IOException e) {
      throw new UncheckedIOException("state machine " + spec.logicalId() + ": cannot read DefinitionUri " + file, e);
    }
  }

  /** Role as given, or a local ARN for the role SAM would make from Policies (printed, since IAM is not enforced here). */
  private static String role(StateMachineSpec spec, LocalValues values, Consumer<String> log) {
    if (spec.role() != null) return text(values, spec.role());
    PolicyTemplates.RolePolicies policies = PolicyTemplates.read(spec.policies(),
        "Resources." + spec.logicalId() + ".Properties.Policies");
    policies.problems().forEach(problem -> log.accept("not honoured locally: " + problem));
    String arn = "arn:aws:iam::" + values.ref("AWS::AccountId") + ":role/" + values.stackName() + "-"
        + spec.logicalId() + "Role";
    if (!policies.statements().isEmpty() || !policies.managedPolicyArns().isEmpty()) {
      List<String> grants = new ArrayList<>();
      policies.managedPolicyArns().forEach(managed -> grants.add(text(values, managed)));
      policies.statements().forEach(statement -> grants.add(Json.write(resolve(statement, values))));
      log.accept("role of " + spec.logicalId() + " (" + arn + "): " + String.join(", ", grants));
    }
    return arn;
  }

  private static StartTrigger trigger(String id, EventSource event, String arn, LocalValues values) {
    if (event instanceof EventSource.Schedule s) {
      boolean enabled = s.state() != null ? "ENABLED".equals(text(values, s.state()))
          : s.enabled() == null || !"false".equalsIgnoreCase(text(values, s.enabled()));
      return new StartTrigger.Schedule(id, text(values, s.expression()), arn, nullableText(values, s.input()), enabled);
    }
    if (event instanceof EventSource.ScheduleV2 s) {
      boolean enabled = s.state() == null || "ENABLED".equals(text(values, s.state()));
      return new StartTrigger.Schedule(id, text(values, s.expression()), arn, nullableText(values, s.input()), enabled);
    }
    if (event instanceof EventSource.EventBridgeRule r) {
      boolean enabled = r.state() == null || "ENABLED".equals(text(values, r.state()));
      String bus = r.eventBusName() == null ? "default" : text(values, r.eventBusName());
      return new StartTrigger.Rule(id, bus, resolve(r.pattern(), values), arn, nullableText(values, r.input()),
          nullableText(values, r.inputPath()), enabled);
    }
    EventSource.Api api = (EventSource.Api) event;
    return new StartTrigger.Api(id, text(values, api.method()), text(values, api.path()), arn);
  }

  /** The node with every intrinsic function replaced by its value; everything else kept as it is. */
  static JsonNode resolve(JsonNode node, LocalValues values) {
    if (node == null) return null;
    if (StateMachineSpec.isIntrinsic(node)) return Json.NODES.textNode(text(values, node));
    if (node.isObject()) {
      ObjectNode copy = Json.NODES.objectNode();
      node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolve(field.getValue(), values)));
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.NODES.arrayNode();
      node.forEach(item -> copy.add(resolve(item, values)));
      return copy;
    }
    return node;
  }

  /** A value as text: intrinsics evaluated, scalars as they read, a literal object or list as its JSON. */
  private static String text(LocalValues values, JsonNode node) {
    if (node.isContainerNode() && !StateMachineSpec.isIntrinsic(node)) return Json.write(resolve(node, values));
    return values.text(Json.mapper().convertValue(node, Object.class));
  }

  private static String nullableText(LocalValues values, JsonNode node) {
    return node == null ? null : text(values, node);
  }
}
