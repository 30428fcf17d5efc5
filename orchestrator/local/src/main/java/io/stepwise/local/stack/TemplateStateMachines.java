package io.stepwise.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.deploy.CustomResourceRequest;
import io.stepwise.lambda.deploy.CustomResourceResponse;
import io.stepwise.lambda.deploy.StateMachineDeployer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every {@code Custom::StepwiseStateMachine} of the template, created through the very
 * {@link StateMachineDeployer} the custom resource's Lambda runs, with the properties
 * CloudFormation would send it (intrinsics resolved, every scalar a string). A definition the
 * deployer rejects stops the local stack with the deployer's reason, as it would fail the deploy.
 */
final class TemplateStateMachines {
  static final String TYPE = "Custom::StepwiseStateMachine";

  private TemplateStateMachines() {}

  /** Creates them in template order; returns logical id to ARN and defines {@code !GetAtt X.Arn}/{@code .Name}. */
  static Map<String, String> create(StackTemplate template, LocalValues values, StateMachineDeployer deployer) {
    Map<String, String> arns = new LinkedHashMap<>();
    for (String id : template.ofType(TYPE)) {
      arns.put(id, deploy(id, (ObjectNode) properties(template.properties(id), values), values, deployer));
    }
    return arns;
  }

  /**
   * Creates one machine as CloudFormation would through the custom resource, and defines
   * {@code !Ref id} / {@code !GetAtt id.Arn} (its ARN) and {@code id.Name}; returns the ARN.
   */
  static String deploy(String id, ObjectNode properties, LocalValues values, StateMachineDeployer deployer) {
    CustomResourceRequest request = new CustomResourceRequest("Create", null, values.stackId(),
        UUID.randomUUID().toString(), TYPE, id, null, properties);
    CustomResourceResponse response = deployer.handle(request);
    if (!CustomResourceResponse.SUCCESS.equals(response.status())) {
      throw new IllegalStateException("state machine " + id + " was not created: " + response.reason());
    }
    String arn = response.data().get("Arn");
    values.define(id, arn);
    values.define(id + ".Arn", arn);
    values.define(id + ".Name", response.data().get("Name"));
    return arn;
  }

  /** The resource's properties as CloudFormation sends them: maps and lists kept, everything else a string. */
  private static JsonNode properties(Object value, LocalValues values) {
    if (value instanceof Map<?, ?> map && !isIntrinsic(map)) {
      ObjectNode object = Json.NODES.objectNode();
      map.forEach((key, item) -> object.set(String.valueOf(key), properties(item, values)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.NODES.arrayNode();
      list.forEach(item -> array.add(properties(item, values)));
      return array;
    }
    return Json.NODES.textNode(values.text(value));
  }

  private static boolean isIntrinsic(Map<?, ?> map) {
    if (map.size() != 1) return false;
    String key = String.valueOf(map.keySet().iterator().next());
    return key.equals("Ref") || key.startsWith("Fn::");
  }
}
