package io.stepwise.tests.template;

import static io.stepwise.tests.template.Template.list;
import static io.stepwise.tests.template.Template.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The queue, the functions, the schedule and the seed wired as the runtime and DESIGN.md expect. */
class TemplateWiringTest {
  private static final List<String> ORCHESTRATOR = List.of("OrchestratorFunction", "StartFunction", "ApiFunction");
  private final Template template = Template.load();

  @Test
  void givenStepTimeouts_thenVisibilityTimeoutIsSixTimesEachAllowedTimeout() {
    Map<String, Object> mapping = map(template.section("Mappings").get("StepTimeouts"));
    List<String> allowed = list(map(template.section("Parameters").get("StepTimeout")).get("AllowedValues"))
        .stream().map(String::valueOf).toList();

    assertEquals(new TreeSet<>(allowed), new TreeSet<>(mapping.keySet()));
    mapping.forEach((timeout, row) ->
        assertEquals(6 * Integer.parseInt(timeout), map(row).get("VisibilityTimeout"), "StepTimeout " + timeout));
    assertEquals(Map.of("Fn::FindInMap", List.of("StepTimeouts", Map.of("Ref", "StepTimeout"), "VisibilityTimeout")),
        template.properties("StepQueue").get("VisibilityTimeout"));
  }

  @Test
  void givenStepQueue_thenRedrivesToTheDeadLetterQueueAfterTenReceives() {
    Map<String, Object> redrive = map(template.properties("StepQueue").get("RedrivePolicy"));

    assertEquals(Map.of("Fn::GetAtt", List.of("StepDeadLetterQueue", "Arn")), redrive.get("deadLetterTargetArn"));
    assertEquals(Map.of("Ref", "MaxReceiveCount"), redrive.get("maxReceiveCount"));
    assertEquals(10, map(template.section("Parameters").get("MaxReceiveCount")).get("Default"));
  }

  @Test
  void givenOrchestratorFunctions_thenJava21Arm64SnapStartOnTheLambdaJarWithTheRuntimesSettings() {
    for (String function : ORCHESTRATOR) {
      assertEquals("java21", template.functionProperty(function, "Runtime"), function);
      assertEquals(List.of("arm64"), template.functionProperty(function, "Architectures"), function);
      assertEquals("orchestrator/lambda/target/stepwise-lambda.jar", template.functionProperty(function, "CodeUri"));
      assertEquals(Map.of("ApplyOn", "PublishedVersions"), template.functionProperty(function, "SnapStart"), function);
      assertEquals("live", template.functionProperty(function, "AutoPublishAlias"), function);
      Map<String, Object> variables = map(map(template.properties(function).get("Environment")).get("Variables"));
      assertTrue(variables.keySet().containsAll(Set.of("STEPWISE_TABLE", "STEPWISE_QUEUE_URL", "STEPWISE_LEASE_SECONDS")),
          function + ": " + variables.keySet());
    }
    Map<String, Object> global = map(map(map(template.section("Globals").get("Function")).get("Environment")).get("Variables"));
    assertTrue(String.valueOf(global.get("JAVA_TOOL_OPTIONS")).contains("-XX:TieredStopAtLevel=1"));
  }

  @Test
  void givenStepFunction_thenSqsEventSourceReportsPartialBatchFailuresWithBoundedConcurrency() {
    Map<String, Object> steps = map(map(template.properties("OrchestratorFunction").get("Events")).get("Steps"));
    Map<String, Object> properties = map(steps.get("Properties"));

    assertEquals("SQS", steps.get("Type"));
    assertEquals(Map.of("Fn::GetAtt", List.of("StepQueue", "Arn")), properties.get("Queue"));
    assertEquals(10, properties.get("BatchSize"));
    assertEquals(List.of("ReportBatchItemFailures"), properties.get("FunctionResponseTypes"));
    assertEquals(Map.of("MaximumConcurrency", Map.of("Ref", "MaxConcurrency")), properties.get("ScalingConfig"));
  }

  @Test
  void givenApiFunction_thenItsUrlIsSigV4CheckedByTheHandler_againstTheKeysSecret_whichOnlyItMayRead() {
    // The SDK signs for states, which a Function URL's AWS_IAM cannot check: the handler checks every request.
    assertEquals(Map.of("AuthType", "NONE"), template.properties("ApiFunction").get("FunctionUrlConfig"));
    Map<String, Object> variables = map(map(template.properties("ApiFunction").get("Environment")).get("Variables"));
    assertEquals(Map.of("Ref", "ApiKeysSecret"), variables.get("STEPWISE_API_KEYS_SECRET"));
    assertEquals("AWS::SecretsManager::Secret", template.resource("ApiKeysSecret").get("Type"));
    List<Map<String, Object>> reads = new java.util.ArrayList<>();
    for (String function : template.ofType("AWS::Serverless::Function")) {
      for (Object policy : list(template.properties(function).getOrDefault("Policies", List.of()))) {
        Object statements = policy instanceof Map<?, ?> m ? m.get("Statement") : null;
        if (statements == null) continue;
        for (Object statement : list(statements)) {
          if (String.valueOf(map(statement).get("Action")).contains("secretsmanager")) {
            reads.add(Map.of(function, map(statement)));
          }
        }
      }
    }
    assertEquals(List.of(Map.of("ApiFunction", Map.of("Effect", "Allow", "Action", "secretsmanager:GetSecretValue",
        "Resource", Map.of("Ref", "ApiKeysSecret")))), reads, "only the API reads the keys, and only that secret");
  }

  @Test
  void givenSchedule_thenEveryMinuteItStartsTheSeedWithTheDocsPayload() {
    Map<String, Object> rule = template.properties("ScheduleRule");
    Map<String, Object> target = map(list(rule.get("Targets")).get(0));
    String input = (String) map(target.get("Input")).get("Fn::Sub");
    JsonNode parsed = Json.parse(input.replace("${RandomErrorStateMachine.Arn}", "arn:sm"));

    assertEquals("rate(1 minute)", rule.get("ScheduleExpression"));
    assertEquals(Map.of("Ref", "ScheduleState"), rule.get("State"));
    assertEquals(Map.of("Ref", "StartFunction.Alias"), target.get("Arn"));
    assertEquals("arn:sm", parsed.get("stateMachineArn").textValue());
    assertEquals(Json.parse(Template.read(Template.repoRoot().resolve("events/event.json"))), parsed.get("input"));
  }

  @Test
  void givenSchedule_thenEventBridgeMayInvokeExactlyTheTargetFromExactlyThisRule() {
    Map<String, Object> permission = template.properties("ScheduleRulePermission");

    assertEquals("lambda:InvokeFunction", permission.get("Action"));
    assertEquals("events.amazonaws.com", permission.get("Principal"));
    assertEquals(Map.of("Fn::GetAtt", List.of("ScheduleRule", "Arn")), permission.get("SourceArn"));
    assertEquals(map(list(template.properties("ScheduleRule").get("Targets")).get(0)).get("Arn"),
        permission.get("FunctionName"));
  }

  @Test
  void givenSeedStateMachine_thenTheCustomResourceOfTheLambdaJarDeclaresIt() {
    Map<String, Object> machine = template.properties("RandomErrorStateMachine");

    assertEquals("Custom::StepwiseStateMachine", template.type("RandomErrorStateMachine"));
    assertEquals(Map.of("Fn::GetAtt", List.of("StateMachineResourceFunction", "Arn")), machine.get("ServiceToken"));
    assertEquals("io.stepwise.lambda.deploy.StateMachineResource::handleRequest",
        template.functionProperty("StateMachineResourceFunction", "Handler"));
    assertEquals(Set.of("FunctionArn", "Payload"), map(machine.get("DefinitionSubstitutions")).keySet());
  }

  @Test
  void givenOutputs_thenApiUrlTableQueueAndStateMachineArnAreThere() {
    assertTrue(template.section("Outputs").keySet().containsAll(
        Set.of("ApiUrl", "TableName", "QueueName", "StateMachineArn")), template.section("Outputs").keySet().toString());
  }
}
