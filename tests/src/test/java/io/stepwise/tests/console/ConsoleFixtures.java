package io.stepwise.tests.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.local.stack.LocalStack;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The machines the console tests draw and run. */
final class ConsoleFixtures {
  /** Choice with a rule and a Default, a Parallel of two branches with a Catch, a Map. */
  static final String SHAPES = """
      {"StartAt": "Check", "States": {
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Fan"}], "Default": "Done"},
        "Fan": {"Type": "Parallel", "Next": "Each", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Broken"}],
          "Branches": [
            {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
            {"StartAt": "Right", "States": {"Right": {"Type": "Wait", "Seconds": 1, "Next": "RightAfter"},
              "RightAfter": {"Type": "Pass", "End": true}}}]},
        "Each": {"Type": "Map", "ItemsPath": "$.items", "Next": "Done",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}},
        "Broken": {"Type": "Fail", "Error": "Broken"},
        "Done": {"Type": "Succeed"}}}
      """;

  /** A branch fails, a Catch recovers, then the execution fails anyway; Skipped is never reached. */
  static final String FAILS = """
      {"StartAt": "Route", "States": {
        "Route": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Try"}], "Default": "Skipped"},
        "Try": {"Type": "Parallel", "End": true,
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover <i>"}],
          "Branches": [{"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Custom.Boom", "Cause": "the branch broke"}}}]},
        "Recover <i>": {"Type": "Pass", "Next": "GiveUp"},
        "GiveUp": {"Type": "Fail", "Error": "Console.GaveUp", "Cause": "gave up after <b>recovering</b>"},
        "Skipped": {"Type": "Pass", "End": true}}}
      """;

  private ConsoleFixtures() {}

  /** Waits for a callback: the seed's function is invoked asynchronously with the token in its payload. */
  static String callback(String functionArn) {
    return """
        {"StartAt": "Approve", "States": {
          "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "Next": "Done",
            "Parameters": {"FunctionName": "%s", "InvocationType": "Event",
              "Payload": {"token.$": "$$.Task.Token", "max-depth": 1, "current-depth": 0, "error-rate": 0.01}}},
          "Done": {"Type": "Pass", "End": true}}}
        """.formatted(functionArn);
  }

  /** The random-error function's ARN, as the seed's deployed definition names it. */
  static String seedFunction(SfnClient sfn, LocalStack stack) {
    String seed = stack.stateMachines().get("RandomErrorStateMachine");
    try {
      return new ObjectMapper().readTree(sfn.describeStateMachine(r -> r.stateMachineArn(seed)).definition())
          .path("States").path("Invoke").path("Parameters").path("FunctionName").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
