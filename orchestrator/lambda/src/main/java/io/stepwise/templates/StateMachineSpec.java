package io.stepwise.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state machine as a user's template declares it, {@code AWS::Serverless::StateMachine} or
 * {@code AWS::StepFunctions::StateMachine}, read into one shape for both the local stack and the
 * {@code Stepwise} macro. Values are the template's raw nodes: intrinsic functions are left for the
 * caller to resolve (locally) or to carry over (on deploy).
 *
 * @param definition Definition as an object, or null
 * @param definitionString DefinitionString (CloudFormation), or Definition given as text, or null
 * @param definitionUri DefinitionUri / DefinitionS3Location, or null
 * @param role Role / RoleArn, or null (then a role is made from {@code policies})
 * @param policies SAM's Policies: managed policy names, policy documents and policy templates
 * @param unsupported every property Stepwise cannot honour, as {@code Resources.Id.Properties.Name}
 */
public record StateMachineSpec(String logicalId, String resourceType, JsonNode definition, JsonNode definitionString,
    JsonNode definitionUri, JsonNode substitutions, JsonNode name, JsonNode type, JsonNode role, List<JsonNode> policies,
    List<EventSource> events, List<String> unsupported) {
  public static final String SAM = "AWS::Serverless::StateMachine";
  public static final String CFN = "AWS::StepFunctions::StateMachine";
  public static final Set<String> TYPES = Set.of(SAM, CFN);

  /** Read and accepted; Stepwise has its own logs and no X-Ray, as the README's differences say. */
  private static final Set<String> ACCEPTED = Set.of("Logging", "Tracing", "LoggingConfiguration",
      "TracingConfiguration", "Tags", "Comment");
  private static final Set<String> SAM_PROPERTIES = Set.of("Definition", "DefinitionUri", "DefinitionSubstitutions",
      "Name", "Type", "Role", "Policies", "Events");
  private static final Set<String> CFN_PROPERTIES = Set.of("Definition", "DefinitionString", "DefinitionS3Location",
      "DefinitionSubstitutions", "StateMachineName", "StateMachineType", "RoleArn");

  /** Whether a template resource is a state machine this reads. */
  public static boolean isStateMachine(JsonNode resource) {
    return resource != null && TYPES.contains(resource.path("Type").asText());
  }

  public static StateMachineSpec of(String logicalId, JsonNode resource) {
    String type = resource.path("Type").asText();
    boolean sam = SAM.equals(type);
    JsonNode properties = resource.path("Properties");
    List<String> unsupported = new ArrayList<>();
    Set<String> known = sam ? SAM_PROPERTIES : CFN_PROPERTIES;
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String property = names.next();
      if (!known.contains(property) && !ACCEPTED.contains(property)) {
        unsupported.add("Resources." + logicalId + ".Properties." + property);
      }
    }
    JsonNode definition = node(properties, "Definition");
    JsonNode definitionString = node(properties, "DefinitionString");
    if (definition != null && !definition.isObject()) { // text, or an intrinsic producing text
      if (isIntrinsic(definition) || definition.isTextual()) {
        definitionString = definition;
        definition = null;
      }
    }
    JsonNode uri = sam ? node(properties, "DefinitionUri") : node(properties, "DefinitionS3Location");
    List<JsonNode> policies = new ArrayList<>();
    JsonNode policyNode = sam ? node(properties, "Policies") : null;
    if (policyNode != null) {
      if (policyNode.isArray()) policyNode.forEach(policies::add);
      else policies.add(policyNode);
    }
    List<EventSource> events = sam ? EventSource.all(logicalId, properties.path("Events"), unsupported) : List.of();
    return new StateMachineSpec(logicalId, type, definition, definitionString, uri,
        node(properties, "DefinitionSubstitutions"), node(properties, sam ? "Name" : "StateMachineName"),
        node(properties, sam ? "Type" : "StateMachineType"), node(properties, sam ? "Role" : "RoleArn"),
        List.copyOf(policies), events, List.copyOf(unsupported));
  }

  /** Whether the node is {@code {"Ref": ...}} or {@code {"Fn::...": ...}}. */
  public static boolean isIntrinsic(JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) return false;
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  /** The ids of the template's state machines, in template order. */
  public static List<String> ids(ObjectNode resources) {
    List<String> ids = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (isStateMachine(resource.getValue())) ids.add(resource.getKey());
    }
    return ids;
  }

  private static JsonNode node(JsonNode properties, String name) {
    JsonNode value = properties.get(name);
    return value == null || value.isNull() ? null : value;
  }
}
