package io.stepwise.tests.template;

import static io.stepwise.tests.template.Template.list;
import static io.stepwise.tests.template.Template.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.template.Policies.Grant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** (4) Least privilege: explicit ARNs for lambda:InvokeFunction, and only the table's and queue's own actions. */
class TemplateIamTest {
  private static final Set<String> TABLE_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:PutItem",
      "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:BatchWriteItem");
  private final Template template = Template.load();
  private final List<Grant> grants = Policies.grants(template);

  private List<Grant> invokeGrants() {
    return grants.stream().filter(g -> g.allows("lambda:InvokeFunction")).toList();
  }

  /** The function a resource names: {@code !GetAtt F.Arn} or {@code !Ref F.Alias}; null for anything else. */
  private String function(Object resource) {
    if (!(resource instanceof Map<?, ?> raw)) return null;
    Map<String, Object> ref = map(raw);
    String id = null;
    if (ref.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2 && "Arn".equals(att.get(1))) {
      id = (String) att.get(0);
    } else if (ref.get("Ref") instanceof String name && name.endsWith(".Alias")) {
      id = name.substring(0, name.length() - ".Alias".length());
    }
    boolean isFunction = id != null && template.resources().containsKey(id)
        && Set.of("AWS::Serverless::Function", "AWS::Lambda::Function").contains(template.type(id));
    return isFunction ? id : null;
  }

  @Test
  void givenInvokeGrants_thenEachNamesFunctionsByExplicitArnOnly() {
    assertFalse(invokeGrants().isEmpty());
    for (Grant grant : invokeGrants()) {
      assertEquals("Allow", grant.statement().get("Effect"), grant.toString());
      assertFalse(grant.statement().containsKey("NotResource"), grant.toString());
      assertEquals(List.of("lambda:InvokeFunction"), grant.actions(), "no wildcard actions: " + grant);
      grant.resources().forEach(resource ->
          assertTrue(function(resource) != null, grant.owner() + " may invoke " + resource + ": not a function's ARN"));
    }
  }

  @Test
  void givenOrchestrator_thenItMayInvokeExactlyTheFunctionsItsStateMachinesName() {
    Object role = template.properties("OrchestratorFunction").get("Role");
    String roleId = (String) list(map(role).get("Fn::GetAtt")).get(0);
    Set<String> invocable = invokeGrants().stream().filter(g -> g.owner().equals(roleId))
        .flatMap(g -> g.resources().stream()).map(this::function).collect(Collectors.toSet());
    Set<String> named = template.ofType("Custom::StepwiseStateMachine").stream()
        .flatMap(machine -> map(template.properties(machine).get("DefinitionSubstitutions")).values().stream())
        .map(this::function).filter(f -> f != null).collect(Collectors.toSet());

    assertEquals(Set.of("RandomErrorFunction"), named);
    assertEquals(named, invocable);
  }

  @Test
  void givenOtherInvokeGrants_thenOnlyTheRandomErrorFunctionMayInvokeItself_andTheApiTheTasksItRunsForExpress() {
    // StartSyncExecution runs an Express machine's tasks in the API function: the orchestrator's task functions, no more.
    Set<String> others = invokeGrants().stream().filter(g -> !g.owner().equals("OrchestratorRole"))
        .map(g -> g.owner() + "->" + g.resources().stream().map(this::function).toList()).collect(Collectors.toSet());
    assertEquals(Set.of("RandomErrorSelfInvokePolicy->[RandomErrorFunction]", "ApiFunction->[RandomErrorFunction]"), others);
    assertEquals(Map.of("Ref", "RandomErrorFunctionRole"), template.properties("RandomErrorSelfInvokePolicy").get("RoleName"));
  }

  @Test
  void givenDynamoDbGrants_thenEachFunctionHasOnlyTheActionsItUsesOnTheTableAndOnlyTheApiTheIndex() {
    Object table = Map.of("Fn::GetAtt", List.of("StepwiseTable", "Arn"));
    Object index = Map.of("Fn::Sub", "${StepwiseTable.Arn}/index/byMachineStatus");
    Set<String> reads = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
    Map<String, Set<String>> expected = Map.of("OrchestratorRole", TABLE_ACTIONS, "ApiFunction", TABLE_ACTIONS,
        "StartFunction", reads, "StateMachineResourceFunction", reads);

    Map<String, Grant> dynamo = grants.stream().filter(g -> g.actions().stream().anyMatch(a -> a.startsWith("dynamodb:")))
        .collect(Collectors.toMap(Grant::owner, g -> g));

    assertEquals(expected.keySet(), dynamo.keySet());
    expected.forEach((owner, actions) -> {
      Grant grant = dynamo.get(owner);
      assertEquals(actions, Set.copyOf(grant.actions()), owner);
      assertEquals(owner.equals("ApiFunction") ? List.of(table, index) : List.of(table), grant.resources(), owner);
    });
  }

  @Test
  void givenAnyStatement_thenNoWildcardResource() {
    for (Grant grant : grants) {
      assertFalse(grant.statement().containsKey("NotAction") || grant.statement().containsKey("NotResource"), grant.toString());
      grant.resources().forEach(resource ->
          assertFalse(String.valueOf(resource).contains("*"), grant.owner() + " grants " + resource));
    }
  }

  @Test
  void givenServerlessFunctions_thenPoliciesAreInlineStatementsOnly() {
    for (String function : template.ofType("AWS::Serverless::Function")) {
      for (Object policy : list(template.properties(function).getOrDefault("Policies", List.of()))) {
        assertTrue(policy instanceof Map<?, ?> m && m.containsKey("Statement"),
            function + ": a policy template or managed policy hides its grants from these checks: " + policy);
      }
    }
  }
}
