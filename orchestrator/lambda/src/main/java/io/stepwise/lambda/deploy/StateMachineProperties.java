package io.stepwise.lambda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The properties of a {@code Custom::StepwiseStateMachine}, named as on
 * {@code AWS::Serverless::StateMachine}.
 *
 * @param definition the definition before substitution
 * @param definitionIsObject true when Definition was given as an object rather than JSON text:
 *     CloudFormation then has turned its numbers and booleans into strings
 * @param name StateMachineName, or {@code <stack name>-<logical id>} (at most 80 characters)
 */
public record StateMachineProperties(JsonNode definition, boolean definitionIsObject, Map<String, String> substitutions,
    String name, String roleArn, String type) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");

  /** Reads the request's ResourceProperties; IllegalArgumentException says what is wrong. */
  public static StateMachineProperties of(CustomResourceRequest request) {
    return of(request, DefinitionFiles.NONE);
  }

  /**
   * Reads the request's ResourceProperties, the definition from {@code DefinitionS3Location}
   * (JSON or YAML, as SAM's DefinitionUri takes) when there is no Definition.
   */
  public static StateMachineProperties of(CustomResourceRequest request, DefinitionFiles files) {
    ObjectNode properties = request.properties();
    JsonNode definition = properties.get("Definition");
    JsonNode location = properties.get("DefinitionS3Location");
    if (definition == null && location != null) {
      String text = files.read(location.path("Bucket").asText(), location.path("Key").asText(),
          location.path("Version").asText(null));
      return of(request, DefinitionFile.parse(text, "s3://" + location.path("Bucket").asText() + "/"
          + location.path("Key").asText()));
    }
    return of(request, definition);
  }

  private static StateMachineProperties of(CustomResourceRequest request, JsonNode definition) {
    ObjectNode properties = request.properties();
    boolean isObject = definition != null && definition.isObject();
    if (definition == null || !(isObject || definition.isTextual())) {
      throw new IllegalArgumentException("Definition is required: the state machine's ASL as JSON text");
    }
    JsonNode parsed;
    try {
      parsed = isObject ? definition : Json.parse(definition.textValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Definition is not valid JSON: " + e.getMessage(), e);
    }
    String name = text(properties, "StateMachineName");
    if (name == null) name = defaultName(request);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("StateMachineName must be 1-80 letters, digits, '-' or '_': " + name);
    }
    String roleArn = text(properties, "RoleArn");
    if (roleArn == null) throw new IllegalArgumentException("RoleArn is required (the role that runs the tasks)");
    String type = text(properties, "Type");
    type = type == null ? "STANDARD" : type;
    if (!TYPES.contains(type)) throw new IllegalArgumentException("Type must be STANDARD or EXPRESS: " + type);
    return new StateMachineProperties(parsed, isObject, substitutions(properties.get("DefinitionSubstitutions")),
        name, roleArn, type);
  }

  /** {@code arn:<partition>:states:<region>:<account>:stateMachine:<name>}, in the stack's account and region. */
  public String arn(CustomResourceRequest request) {
    return "arn:" + request.partition() + ":states:" + request.region() + ":" + request.accountId()
        + ":stateMachine:" + name;
  }

  static String defaultName(CustomResourceRequest request) {
    String name = request.stackName() + "-" + request.logicalResourceId();
    return name.length() <= 80 ? name : name.substring(0, 80);
  }

  private static Map<String, String> substitutions(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null || node.isNull()) return values;
    if (!node.isObject()) throw new IllegalArgumentException("DefinitionSubstitutions must be a map of names to values");
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      values.put(field.getKey(), value.isContainerNode() ? Json.write(value) : value.asText());
    }
    return values;
  }

  private static String text(ObjectNode properties, String field) {
    JsonNode value = properties.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
