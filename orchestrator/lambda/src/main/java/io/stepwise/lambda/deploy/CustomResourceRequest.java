package io.stepwise.lambda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;

/**
 * A CloudFormation custom resource request, as CloudFormation sends it to the ServiceToken's
 * function. Every property value arrives as a string: CloudFormation turns numbers and booleans
 * in ResourceProperties into strings.
 *
 * @param requestType Create, Update or Delete
 * @param physicalResourceId null on Create
 * @param properties ResourceProperties (never null)
 */
public record CustomResourceRequest(String requestType, String responseUrl, String stackId, String requestId,
    String resourceType, String logicalResourceId, String physicalResourceId, ObjectNode properties) {

  public static CustomResourceRequest parse(JsonNode event) {
    JsonNode properties = event.path("ResourceProperties");
    return new CustomResourceRequest(text(event, "RequestType"), text(event, "ResponseURL"), text(event, "StackId"),
        text(event, "RequestId"), text(event, "ResourceType"), text(event, "LogicalResourceId"),
        text(event, "PhysicalResourceId"),
        properties instanceof ObjectNode object ? object : Json.NODES.objectNode());
  }

  /** The stack's name, the fifth part of its ARN ({@code arn:aws:cloudformation:r:a:stack/NAME/id}). */
  public String stackName() {
    String[] resource = stackArnPart(5).split("/");
    if (resource.length < 2) throw new IllegalArgumentException("StackId is not a stack ARN: " + stackId);
    return resource[1];
  }

  public String partition() {
    return stackArnPart(1);
  }

  public String region() {
    return stackArnPart(3);
  }

  public String accountId() {
    return stackArnPart(4);
  }

  private String stackArnPart(int index) {
    String[] parts = stackId == null ? new String[0] : stackId.split(":", 6);
    if (parts.length < 6 || !"arn".equals(parts[0])) {
      throw new IllegalArgumentException("StackId is not a stack ARN: " + stackId);
    }
    return parts[index];
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
