package io.stepwise.tests.template;

import static io.stepwise.tests.template.Template.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.deploy.CustomResourceRequest;
import java.util.List;
import java.util.Map;

/** Custom resource events as CloudFormation sends them, built from template properties. */
final class CloudFormationEvents {
  static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/stepwise/5b3f0c20-0000-11ef-0000-0a1b2c3d4e5f";

  private CloudFormationEvents() {}

  static ObjectNode event(String requestType, String physicalId, JsonNode properties, String responseUrl) {
    ObjectNode event = Json.NODES.objectNode();
    event.put("RequestType", requestType);
    event.put("ResponseURL", responseUrl);
    event.put("StackId", STACK_ID);
    event.put("RequestId", "req-" + requestType);
    event.put("ResourceType", "Custom::StepwiseStateMachine");
    event.put("LogicalResourceId", "RandomErrorStateMachine");
    if (physicalId != null) event.put("PhysicalResourceId", physicalId);
    event.set("ResourceProperties", properties);
    return event;
  }

  static CustomResourceRequest request(String requestType, String physicalId, JsonNode properties) {
    return CustomResourceRequest.parse(event(requestType, physicalId, properties, "http://127.0.0.1:9/response"));
  }

  /**
   * A resource's properties as the custom resource receives them: intrinsics resolved to
   * stand-in values ({@code !GetAtt F.Arn} to a Lambda ARN named F) and, as CloudFormation does,
   * every number and boolean turned into a string.
   */
  static JsonNode resolved(Object value) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> object = map(raw);
      if (object.size() == 1 && object.get("Fn::GetAtt") instanceof List<?> att) {
        return Json.NODES.textNode(standIn((String) att.get(0), (String) att.get(1)));
      }
      if (object.size() == 1 && object.get("Ref") instanceof String name) return Json.NODES.textNode("ref-" + name);
      ObjectNode out = Json.NODES.objectNode();
      object.forEach((key, v) -> out.set(key, resolved(v)));
      return out;
    }
    if (value instanceof List<?> items) {
      ArrayNode out = Json.NODES.arrayNode();
      items.forEach(item -> out.add(resolved(item)));
      return out;
    }
    return Json.NODES.textNode(String.valueOf(value));
  }

  static String standIn(String resource, String attribute) {
    return attribute.equals("Arn") && resource.endsWith("Function")
        ? "arn:aws:lambda:us-east-1:123456789012:function:stepwise-" + resource
        : "arn:aws:stand-in:us-east-1:123456789012:" + resource + "/" + attribute;
  }
}
