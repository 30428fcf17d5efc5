package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.eval.ErrorNames;
import org.junit.jupiter.api.Test;

/**
 * The Task {@code Credentials} field, evaluated as Step Functions does (cases after AWS's
 * recordings of cross-account tasks): the call carries the machine's role and the evaluated role,
 * and TaskScheduled shows it as {@code taskCredentials}.
 */
class TaskCredentialsFieldTest {
  private static final String MACHINE_ROLE = "arn:aws:iam::111111111111:role/r";
  private static final String TARGET = "arn:aws:iam::222222222222:role/target";

  private static Command.TaskRole roleOfTheCall(String definition, String input) {
    var tasks = new EngineTestSupport.Script().succeed("{}");
    ExecutionResult result = run(definition, input, tasks);
    assertEquals(io.stepwise.engine.ExecutionStatus.SUCCEEDED, result.status(), result.error() + ": " + result.cause());
    Command.TaskRole role = tasks.calls.get(0).role();
    var scheduled = result.history().stream().filter(e -> e.type().equals("TaskScheduled")).findFirst().orElseThrow();
    String shown = scheduled.details().path("taskCredentials").path("roleArn").asText(null);
    assertEquals(role.credentialsRoleArn(), shown, scheduled.details().toString());
    return role;
  }

  @Test
  void withoutCredentials_theCallRunsAsTheMachinesRole_andHistoryShowsNoTaskCredentials() {
    Command.TaskRole role = roleOfTheCall("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "f"}, "End": true}}}""", "{}");
    assertEquals(MACHINE_ROLE, role.machineRoleArn());
    assertNull(role.credentialsRoleArn());
  }

  @Test
  void roleArnLiteral_pathFromInput_variable_intrinsic_andJsonata_allNameTheTargetRole() {
    String input = "{\"role\": \"" + TARGET + "\", \"account\": \"222222222222\"}";
    assertEquals(TARGET, roleOfTheCall(task("{\"RoleArn\": \"" + TARGET + "\"}"), input).credentialsRoleArn());
    assertEquals(TARGET, roleOfTheCall(task("{\"RoleArn.$\": \"$.role\"}"), input).credentialsRoleArn());
    assertEquals(TARGET, roleOfTheCall(task(
        "{\"RoleArn.$\": \"States.Format('arn:aws:iam::{}:role/target', $.account)\"}"), input).credentialsRoleArn());
    assertEquals(TARGET, roleOfTheCall("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Pass", "Assign": {"roleArn.$": "$.role"}, "Next": "T"},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
            "Credentials": {"RoleArn.$": "$roleArn"}, "End": true}}}""", input).credentialsRoleArn());
    assertEquals(TARGET, roleOfTheCall("""
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
            "Credentials": {"RoleArn": "{% $states.input.role %}"}, "End": true}}}""", input).credentialsRoleArn());
  }

  @Test
  void aRoleArnThatIsNotAString_failsTheState_beforeAnyCall() {
    var tasks = new EngineTestSupport.Script();
    ExecutionResult path = run(task("{\"RoleArn.$\": \"$.role\"}"), "{\"role\": 42}", tasks);
    assertEquals(ErrorNames.RUNTIME, path.error());
    assertTrue(path.cause().contains("RoleArn") && path.cause().contains("42"), path.cause());

    ExecutionResult jsonata = run("""
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
            "Credentials": {"RoleArn": "{% $states.input.role %}"}, "End": true}}}""", "{\"role\": [1]}", tasks);
    assertEquals(ErrorNames.QUERY_EVALUATION_ERROR, jsonata.error());
    assertTrue(jsonata.cause().contains("Credentials.RoleArn"), jsonata.cause());
    assertTrue(tasks.calls.isEmpty());
    assertFalse(EngineTestSupport.types(path).contains("TaskScheduled"));
  }

  private static String task(String credentials) {
    return """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "f"}, "Credentials": %s, "End": true}}}""".formatted(credentials);
  }
}
