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
  private static final String MACHINE_ROLES = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/stepwise/*";
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

  /** Tasks run as their machine's role: it may invoke exactly the functions its definition names. */
  @Test
  void givenEachStateMachine_thenItsOwnRoleMayInvokeExactlyTheFunctionsItsDefinitionNames() {
    for (String machine : template.ofType("Custom::StepwiseStateMachine")) {
      String roleId = (String) list(map(template.properties(machine).get("RoleArn")).get("Fn::GetAtt")).get(0);
      Set<String> invocable = invokeGrants().stream().filter(g -> g.owner().equals(roleId))
          .flatMap(g -> g.resources().stream()).map(this::function).collect(Collectors.toSet());
      Set<String> named = map(template.properties(machine).get("DefinitionSubstitutions")).values().stream()
          .map(this::function).filter(f -> f != null).collect(Collectors.toSet());
      assertEquals(Set.of("RandomErrorFunction"), named, machine);
      assertEquals(named, invocable, machine);
      assertEquals("/stepwise/", template.properties(roleId).get("Path"), roleId);
    }
  }

  /**
   * The orchestrator invokes nothing itself; it, and the API function (where StartSyncExecution
   * runs an Express machine's tasks), may only assume machine roles, which trust exactly those two.
   */
  @Test
  void givenOrchestratorAndApi_thenTheyMayOnlyAssumeMachineRoles_andTheSeedsRoleTrustsOnlyThem() {
    assertTrue(grants.stream().filter(g -> g.owner().equals("OrchestratorRole") || g.owner().equals("ApiFunction"))
        .noneMatch(g -> g.allows("lambda:InvokeFunction")), "Stepwise's own rights never run a Task");
    List<Grant> assume = grants.stream().filter(g -> g.allows("sts:AssumeRole")).toList();
    assertEquals(Set.of("OrchestratorRole", "ApiFunction"), assume.stream().map(Grant::owner).collect(Collectors.toSet()),
        assume.toString());
    for (Grant grant : assume) assertEquals(List.of(Map.of("Fn::Sub", MACHINE_ROLES)), grant.resources());

    Map<String, Object> trust = map(template.properties("RandomErrorStateMachineRole").get("AssumeRolePolicyDocument"));
    Map<String, Object> statement = map(list(trust.get("Statement")).get(0));
    assertEquals(Map.of("AWS", List.of(Map.of("Fn::GetAtt", List.of("OrchestratorRole", "Arn")),
        Map.of("Fn::GetAtt", List.of("ApiFunctionRole", "Arn")))), statement.get("Principal"));
  }

  /** The macro's generated machine roles trust the same two, or StartSyncExecution's Express Tasks could not run. */
  @Test
  void givenTheMacro_thenItsMachineRolesTrustTheOrchestratorAndTheApiFunction() {
    Map<String, Object> variables = map(map(template.properties("MacroFunction").get("Environment")).get("Variables"));
    assertEquals(Map.of("Fn::Join", List.of(",", List.of(Map.of("Fn::GetAtt", List.of("OrchestratorRole", "Arn")),
        Map.of("Fn::GetAtt", List.of("ApiFunctionRole", "Arn"))))), variables.get("STEPWISE_TASK_ROLE_TRUST_ARNS"));
  }

  @Test
  void givenOtherInvokeGrants_thenOnlyTheRandomErrorFunctionMayInvokeItself() {
    Set<String> others = invokeGrants().stream()
        .filter(g -> !g.owner().equals("OrchestratorRole") && !g.owner().equals("RandomErrorStateMachineRole"))
        .map(g -> g.owner() + "->" + g.resources().stream().map(this::function).toList()).collect(Collectors.toSet());
    assertEquals(Set.of("RandomErrorSelfInvokePolicy->[RandomErrorFunction]"), others);
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

  /** The one pattern: machine roles by their IAM path, since users' machines come and go without a redeploy. */
  @Test
  void givenAnyStatement_thenNoWildcardResource_butTheMachineRolesPath() {
    for (Grant grant : grants) {
      assertFalse(grant.statement().containsKey("NotAction") || grant.statement().containsKey("NotResource"), grant.toString());
      grant.resources().stream().filter(resource -> !resource.equals(Map.of("Fn::Sub", MACHINE_ROLES))).forEach(resource ->
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
