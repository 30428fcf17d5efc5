package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.MacroHandler;
import io.stepwise.local.stack.CfnYaml;
import io.stepwise.templates.StepwiseMacro;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Stepwise macro's transform, on real-world shapes of user templates, and cfn-lint on what it writes. */
class StepwiseMacroTest {
  private static final StepwiseMacro.Settings SETTINGS = new StepwiseMacro.Settings(
      "arn:aws:lambda:us-east-1:123456789012:function:stepwise-StateMachineResourceFunction",
      "arn:aws:lambda:us-east-1:123456789012:function:stepwise-StartFunction:live",
      List.of("arn:aws:iam::123456789012:role/stepwise-OrchestratorRole",
          "arn:aws:iam::123456789012:role/stepwise-ApiFunctionRole"));
  private static final StepwiseMacro MACRO = new StepwiseMacro(SETTINGS);

  static ObjectNode load(Path file) {
    return (ObjectNode) Json.mapper().valueToTree(CfnYaml.parse(Template.read(file)));
  }

  static Path example() {
    return Template.repoRoot().resolve("examples/random-error/template-on-stepwise.yml");
  }

  static Path ordersApp() {
    return Template.repoRoot().resolve("tests/src/test/resources/user-templates/orders-app.yml");
  }

  /** The application template without what the macro refuses (its PermissionsBoundary, its Api event). */
  static ObjectNode deployableOrdersApp() {
    ObjectNode app = load(ordersApp());
    ((ObjectNode) app.at("/Resources/OrderFlow/Properties")).remove("PermissionsBoundary");
    ((ObjectNode) app.at("/Resources/OrderFlow/Properties/Events")).remove("Web");
    return app;
  }

  @Test
  void givenTheAwsPagesTemplate_whenTransformed_thenTheMachineIsAStepwiseResourceWithItsOwnRoleAndSchedule() {
    StepwiseMacro.Result result = MACRO.transform(load(example()));

    assertTrue(result.ok(), result.problems().toString());
    JsonNode resources = result.fragment().get("Resources");
    JsonNode machine = resources.get("statemachine");
    assertEquals("Custom::StepwiseStateMachine", machine.get("Type").asText());
    JsonNode properties = machine.get("Properties");
    assertEquals(SETTINGS.serviceToken(), properties.get("ServiceToken").asText());
    assertEquals("STANDARD", properties.get("Type").asText());
    // The inline definition travels as JSON text, so its numbers stay numbers.
    JsonNode definition = Json.parse(properties.get("Definition").asText());
    assertEquals(5, definition.at("/States/Invoke/Retry/0/MaxAttempts").intValue());
    assertTrue(definition.at("/States/Invoke/Retry/0/MaxAttempts").isInt());
    assertEquals("${FunctionArn}", definition.at("/States/Invoke/Parameters/FunctionName").asText());
    assertEquals(Json.parse("{\"Fn::GetAtt\": [\"function\", \"Arn\"]}"),
        properties.at("/DefinitionSubstitutions/FunctionArn"));
    assertEquals(Json.parse("{\"Fn::GetAtt\": [\"statemachineRole\", \"Arn\"]}"), properties.get("RoleArn"));

    JsonNode role = resources.get("statemachineRole");
    assertEquals("AWS::IAM::Role", role.get("Type").asText());
    // Both Stepwise roles that run Tasks: the orchestrator, and the API function (StartSyncExecution)
    assertEquals(Json.mapper().valueToTree(SETTINGS.taskRoleTrustArns()),
        role.at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/AWS"));
    assertEquals("/stepwise/", role.at("/Properties/Path").asText(), "the path the orchestrator may assume roles under");
    assertEquals("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaRole",
        role.at("/Properties/ManagedPolicyArns/0/Fn::Sub").asText());

    JsonNode rule = resources.get("statemachinescheduled");
    assertEquals("AWS::Events::Rule", rule.get("Type").asText());
    assertEquals("rate(1 minute)", rule.at("/Properties/ScheduleExpression").asText());
    assertEquals("ENABLED", rule.at("/Properties/State").asText());
    assertEquals(SETTINGS.startFunctionArn(), rule.at("/Properties/Targets/0/Arn").asText());
    assertEquals(Json.parse("{\"Fn::Join\": [\"\", [\"{\\\"stateMachineArn\\\":\\\"\", {\"Ref\": \"statemachine\"},"
        + " \"\\\",\\\"input\\\":\", \"{}\", \"}\"]]}"), rule.at("/Properties/Targets/0/Input"));
    JsonNode permission = resources.get("statemachinescheduledPermission");
    assertEquals("events.amazonaws.com", permission.at("/Properties/Principal").asText());
    assertEquals(SETTINGS.startFunctionArn(), permission.at("/Properties/FunctionName").asText());
    // The function is left for SAM's transform, untouched.
    assertEquals("AWS::Serverless::Function", resources.at("/function/Type").asText());
  }

  @Test
  void givenAnApplicationTemplateWithEveryKindOfMachineAndEvent_whenTransformed_thenEachBecomesItsStepwiseShape() {
    ObjectNode template = deployableOrdersApp();
    // As `sam deploy` hands it over: the local DefinitionUri uploaded to the artifacts bucket.
    ((ObjectNode) template.at("/Resources/OrderFlow/Properties")).put("DefinitionUri", "s3://artifacts/orders/abc123.yaml");
    ((ObjectNode) template.at("/Resources/OrderFlow/Properties")).remove("Events"); // Api runs locally only
    ((ObjectNode) template.at("/Resources/OrderFlow/Properties")).set("Events", Json.parse(
        "{\"OrderPlaced\": {\"Type\": \"EventBridgeRule\", \"Properties\": {\"Pattern\": {\"source\": [\"shop.orders\"]},"
            + " \"InputPath\": \"$.detail\"}},"
            + " \"Nightly\": {\"Type\": \"ScheduleV2\", \"Properties\": {\"ScheduleExpression\": \"cron(0 2 * * ? *)\","
            + " \"Input\": \"{\\\"job\\\": \\\"nightly\\\"}\", \"State\": \"DISABLED\"}}}"));

    StepwiseMacro.Result result = MACRO.transform(template);

    assertTrue(result.ok(), result.problems().toString());
    JsonNode resources = result.fragment().get("Resources");
    JsonNode flow = resources.at("/OrderFlow/Properties");
    assertEquals(Json.parse("{\"Fn::Sub\": \"orders-${Stage}\"}"), flow.get("StateMachineName"));
    assertEquals(Json.parse("{\"Bucket\": \"artifacts\", \"Key\": \"orders/abc123.yaml\"}"), flow.get("DefinitionS3Location"));
    JsonNode statements = resources.at("/OrderFlowRole/Properties/Policies/0/PolicyDocument/Statement");
    assertEquals(3, statements.size());
    assertEquals("lambda:InvokeFunction", statements.at("/0/Action/0").asText());
    assertEquals("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*",
        statements.at("/0/Resource/0/Fn::Sub/0").asText());
    assertEquals("order-worker", statements.at("/0/Resource/0/Fn::Sub/1/FunctionName").asText());
    assertEquals(Json.parse("{\"Ref\": \"OrdersTable\"}"), statements.at("/1/Resource/0/Fn::Sub/1/TableName"));
    assertEquals("sns:Publish", statements.at("/2/Action").asText());

    JsonNode rule = resources.at("/OrderFlowOrderPlaced/Properties");
    assertEquals("shop.orders", rule.at("/EventPattern/source/0").asText());
    assertEquals("$.detail", rule.at("/Targets/0/InputTransformer/InputPathsMap/selected").asText());
    JsonNode schedule = resources.at("/OrderFlowNightly");
    assertEquals("AWS::Scheduler::Schedule", schedule.get("Type").asText());
    assertEquals("DISABLED", schedule.at("/Properties/State").asText());
    assertEquals("OFF", schedule.at("/Properties/FlexibleTimeWindow/Mode").asText());
    assertEquals("scheduler.amazonaws.com",
        resources.at("/OrderFlowNightlyRole/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText());

    JsonNode audit = resources.at("/Audit");
    assertEquals("Custom::StepwiseStateMachine", audit.get("Type").asText());
    assertTrue(audit.at("/Properties/Definition/Fn::Sub").isTextual(), audit.toString());
    assertEquals(Json.parse("{\"Fn::GetAtt\": [\"AuditRole\", \"Arn\"]}"), audit.at("/Properties/RoleArn"));
    assertFalse(resources.has("AuditRole" + "Role"), "a machine with RoleArn gets no role of Stepwise's making");
    // Ref and GetAtt of the machines still mean their ARN and name: the custom resource answers both.
    assertEquals(Json.parse("{\"Ref\": \"OrderFlow\"}"), result.fragment().at("/Outputs/OrderFlowArn/Value"));
  }

  @Test
  void givenIntrinsicsInsideAnInlineDefinition_whenTransformed_thenTheTextJoinsThemAsStrings() {
    ObjectNode template = (ObjectNode) Json.parse("{\"Resources\": {\"M\": {\"Type\": \"AWS::Serverless::StateMachine\","
        + " \"Properties\": {\"Definition\": {\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\","
        + " \"Resource\": {\"Fn::GetAtt\": [\"Worker\", \"Arn\"]}, \"TimeoutSeconds\": 30, \"End\": true}}}}}}}");

    StepwiseMacro.Result result = MACRO.transform(template);

    JsonNode join = result.fragment().at("/Resources/M/Properties/Definition/Fn::Join/1");
    assertEquals(3, join.size(), join.toString());
    assertEquals(Json.parse("{\"Fn::GetAtt\": [\"Worker\", \"Arn\"]}"), join.get(1));
    String text = join.get(0).asText() + "arn:aws:lambda:us-east-1:1:function:w" + join.get(2).asText();
    assertEquals(30, Json.parse(text).at("/States/T/TimeoutSeconds").intValue());
  }

  @Test
  void givenPropertiesStepwiseCannotHonour_whenTransformed_thenTheDeployFailsNamingEveryOne() {
    ObjectNode template = load(ordersApp());
    ((ObjectNode) template.at("/Resources/OrderFlow/Properties/Policies/0")).removeAll();
    ((ObjectNode) template.at("/Resources/OrderFlow/Properties/Policies/0")).set("KMSDecryptPolicy",
        Json.parse("{\"KeyId\": \"k\"}"));

    StepwiseMacro.Result result = MACRO.transform(template);

    assertFalse(result.ok());
    assertEquals(template, result.fragment(), "a failed transform hands back the template untouched");
    String problems = String.join("\n", result.problems());
    assertTrue(problems.contains("Resources.OrderFlow.Properties.PermissionsBoundary"), problems);
    assertTrue(problems.contains("Resources.OrderFlow.Properties.Policies[0]: the SAM policy template KMSDecryptPolicy"), problems);
    assertTrue(problems.contains("Resources.OrderFlow.Properties.Events.Web: Api events run on ./stepwise local only"), problems);
  }

  @Test
  void givenTheMacroEvent_whenHandled_thenItAnswersAsCloudFormationExpects() {
    Map<String, Object> event = Map.of("requestId", "r-1", "region", "us-east-1", "accountId", "123456789012",
        "fragment", Json.mapper().convertValue(load(example()), Map.class), "transformId", "123456789012::Stepwise");

    Map<String, Object> response = new MacroHandler(MACRO).handleRequest(event, null);

    assertEquals("r-1", response.get("requestId"));
    assertEquals("success", response.get("status"));
    JsonNode fragment = Json.mapper().valueToTree(response.get("fragment"));
    assertEquals("Custom::StepwiseStateMachine", fragment.at("/Resources/statemachine/Type").asText());

    Map<String, Object> bad = Map.of("requestId", "r-2", "fragment", Map.of("Resources", Map.of("M",
        Map.of("Type", "AWS::StepFunctions::StateMachine", "Properties", Map.of("EncryptionConfiguration", Map.of())))));
    Map<String, Object> failed = new MacroHandler(MACRO).handleRequest(bad, null);
    assertEquals("failure", failed.get("status"));
    assertTrue(String.valueOf(failed.get("errorMessage")).contains("Resources.M.Properties.EncryptionConfiguration"),
        String.valueOf(failed.get("errorMessage")));
  }

  @Test
  void givenTheTransformsOutput_whenLinted_thenCfnLintFindsNoError() throws Exception {
    Assumptions.assumeTrue(CfnLint.installed(), "cfn-lint is not on PATH");
    ObjectNode app = deployableOrdersApp();
    List<Path> outputs = new ArrayList<>();
    for (ObjectNode template : List.of(load(example()), app)) {
      StepwiseMacro.Result result = MACRO.transform(template);
      assertTrue(result.ok(), result.problems().toString());
      ObjectNode fragment = result.fragment();
      fragment.put("Transform", "AWS::Serverless-2016-10-31"); // Stepwise's part is done; SAM's is next
      Path file = Files.createTempDirectory("macro-output").resolve("template-" + outputs.size() + ".json");
      Files.writeString(file, Json.write(fragment));
      outputs.add(file);
    }
    CfnLint.Result lint = CfnLint.run(outputs);
    // Exit status is a bit mask: 2 errors, 4 warnings. Warnings are allowed: a user's template may have its own.
    assertEquals(0, lint.exit() & 2, "cfn-lint found errors:\n" + lint.output());
  }
}
