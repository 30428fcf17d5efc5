package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.memory.InMemoryStateMachineStore;
import io.stepwise.lambda.deploy.CustomResourceResponse;
import io.stepwise.lambda.deploy.StateMachineDeployer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, Update and Delete of Custom::StepwiseStateMachine on an in-memory store. */
class StateMachineDeployerTest {
  static final String ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:stepwise-RandomErrorStateMachine";
  private final InMemoryStateMachineStore store = new InMemoryStateMachineStore();
  private final StateMachineDeployer deployer = new StateMachineDeployer(store);

  /** The seed's properties exactly as template.yml declares them, as CloudFormation would pass them. */
  static ObjectNode seedProperties() {
    return (ObjectNode) CloudFormationEvents.resolved(Template.load().properties("RandomErrorStateMachine"));
  }

  static ObjectNode properties(String definition) {
    ObjectNode properties = Json.NODES.objectNode();
    properties.put("Definition", definition);
    properties.put("RoleArn", "arn:aws:iam::123456789012:role/r");
    return properties;
  }

  @Test
  void givenSeedFromTemplate_whenCreated_thenStoredSubstitutedUnderItsArn() {
    CustomResourceResponse response = deployer.handle(CloudFormationEvents.request("Create", null, seedProperties()));

    assertEquals(CustomResourceResponse.SUCCESS, response.status(), response.reason());
    assertEquals(ARN, response.physicalResourceId());
    assertEquals(Map.of("Arn", ARN, "Name", "stepwise-RandomErrorStateMachine", "Version", "1"), response.data());
    JsonNode stored = Json.parse(store.latest(ARN).orElseThrow().definition());
    JsonNode parameters = stored.at("/States/Invoke/Parameters");
    assertEquals(CloudFormationEvents.standIn("RandomErrorFunction", "Arn"), parameters.get("FunctionName").textValue());
    assertEquals(Json.parse(Template.read(Template.repoRoot().resolve("events/event.json"))), parameters.get("Payload"));
    assertEquals("STANDARD", store.latest(ARN).orElseThrow().type());
  }

  @Test
  void givenSameProperties_whenUpdatedAgain_thenNoNewVersion() {
    deployer.handle(CloudFormationEvents.request("Create", null, seedProperties()));

    CustomResourceResponse again = deployer.handle(CloudFormationEvents.request("Update", ARN, seedProperties()));

    assertEquals(CustomResourceResponse.SUCCESS, again.status());
    assertEquals("1", again.data().get("Version"));
    assertEquals(1, store.versions().size());
  }

  @Test
  void givenChangedDefinition_whenUpdated_thenNewVersionSameArn() {
    deployer.handle(CloudFormationEvents.request("Create", null, seedProperties()));
    ObjectNode changed = seedProperties();
    ((ObjectNode) changed.get("DefinitionSubstitutions")).put("Payload", "{\"max-depth\": 3}");

    CustomResourceResponse updated = deployer.handle(CloudFormationEvents.request("Update", ARN, changed));

    assertEquals(ARN, updated.physicalResourceId());
    assertEquals("2", updated.data().get("Version"));
  }

  @Test
  void givenInvalidDefinition_whenCreated_thenFailedWithEveryProblemAndNothingStored() {
    String definition = """
        {"StartAt": "Nowhere", "States": {
          "A": {"Type": "Pass", "Next": "Missing"},
          "B": {"Type": "Task", "Resource": "${Fn}", "End": true, "Bogus": 1}}}""";

    CustomResourceResponse response = deployer.handle(CloudFormationEvents.request("Create", null, properties(definition)));

    assertEquals(CustomResourceResponse.FAILED, response.status());
    assertTrue(response.reason().startsWith("Invalid state machine definition ("), response.reason());
    for (String expected : List.of("UNRESOLVED_SUBSTITUTION at /States/B/Resource", "/StartAt", "/States/A/Next", "/States/B")) {
      assertTrue(response.reason().contains(expected), expected + " missing from: " + response.reason());
    }
    assertEquals(List.of(), store.versions());
  }

  @Test
  void givenDefinitionAsObject_whenCloudFormationStringifiedIt_thenFailureExplainsWhy() {
    ObjectNode properties = seedProperties();
    properties.set("Definition", CloudFormationEvents.resolved(Map.of("StartAt", "P", "States",
        Map.of("P", Map.of("Type", "Wait", "Seconds", 5, "End", true)))));

    CustomResourceResponse response = deployer.handle(CloudFormationEvents.request("Create", null, properties));

    assertEquals(CustomResourceResponse.FAILED, response.status());
    assertTrue(response.reason().contains("give the definition as JSON text"), response.reason());
  }

  @Test
  void givenBadProperties_whenCreated_thenFailedWithTheReason() {
    ObjectNode noRole = properties("{}");
    noRole.remove("RoleArn");
    ObjectNode badJson = properties("{\"StartAt\": ");
    ObjectNode badName = properties("{}");
    badName.put("StateMachineName", "has spaces");

    assertEquals("RoleArn is required (the role that runs the tasks)",
        deployer.handle(CloudFormationEvents.request("Create", null, noRole)).reason());
    assertTrue(deployer.handle(CloudFormationEvents.request("Create", null, badJson)).reason()
        .startsWith("Definition is not valid JSON"));
    assertTrue(deployer.handle(CloudFormationEvents.request("Create", null, badName)).reason()
        .startsWith("StateMachineName must be"));
  }

  @Test
  void givenFailedCreate_thenPhysicalIdIsStillSetSoCloudFormationCanDeleteIt() {
    CustomResourceResponse response = deployer.handle(CloudFormationEvents.request("Create", null, properties("[")));

    assertEquals("failed-RandomErrorStateMachine-req-Create", response.physicalResourceId());
  }

  @Test
  void givenDelete_thenSuccessWithTheSameIdAndVersionsKept() {
    deployer.handle(CloudFormationEvents.request("Create", null, seedProperties()));

    CustomResourceResponse deleted = deployer.handle(CloudFormationEvents.request("Delete", ARN, seedProperties()));

    assertEquals(CustomResourceResponse.SUCCESS, deleted.status());
    assertEquals(ARN, deleted.physicalResourceId());
    assertEquals(1, store.versions().size());
  }

  @Test
  void givenUnknownRequestType_thenFailed() {
    assertEquals(CustomResourceResponse.FAILED,
        deployer.handle(CloudFormationEvents.request("Replace", null, seedProperties())).status());
  }

  @Test
  void givenADefinitionS3LocationOfAYamlFile_whenCreated_thenTheFileIsTheDefinition() {
    Map<String, String> bucket = Map.of("artifacts/orders.asl.yaml",
        "StartAt: P\nStates:\n  P: {Type: Pass, Result: 3, End: true}\n");
    StateMachineDeployer fromS3 = new StateMachineDeployer(store, (name, key, version) -> {
      String text = bucket.get(name + "/" + key);
      if (text == null) throw new IllegalArgumentException("NoSuchKey " + key);
      return text;
    });
    ObjectNode properties = properties("unused");
    properties.remove("Definition");
    properties.set("DefinitionS3Location", Json.parse("{\"Bucket\": \"artifacts\", \"Key\": \"orders.asl.yaml\"}"));

    CustomResourceResponse response = fromS3.handle(CloudFormationEvents.request("Create", null, properties));

    assertEquals(CustomResourceResponse.SUCCESS, response.status(), response.reason());
    JsonNode stored = Json.parse(store.latest(response.physicalResourceId()).orElseThrow().definition());
    assertEquals(3, stored.at("/States/P/Result").intValue());

    properties.set("DefinitionS3Location", Json.parse("{\"Bucket\": \"artifacts\", \"Key\": \"missing.json\"}"));
    CustomResourceResponse missing = fromS3.handle(CloudFormationEvents.request("Create", null, properties));
    assertEquals(CustomResourceResponse.FAILED, missing.status());
    assertTrue(missing.reason().contains("NoSuchKey missing.json"), missing.reason());
  }
}
