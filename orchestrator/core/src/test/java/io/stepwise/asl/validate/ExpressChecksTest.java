package io.stepwise.asl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.asl.Definitions;
import io.stepwise.asl.Diagnostic;
import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressChecksTest {
  private static List<Diagnostic> check(String definition) {
    return ExpressChecks.check(Definitions.load(Json.parse(definition)));
  }

  @Test
  void givenRequestResponseTasks_whenChecked_thenNothingToSay() {
    assertEquals(List.of(), check("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "Next": "B"},
          "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:f", "End": true}}}"""));
  }

  @Test
  void givenCallbackJobAndActivityTasksAtAnyDepth_whenChecked_thenEachIsRefusedWhereItIs() {
    List<Diagnostic> problems = check("""
        {"StartAt": "Job", "States": {
          "Job": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Parameters": {"JobName": "j"}, "Next": "Fan"},
          "Fan": {"Type": "Map", "ItemProcessor": {"StartAt": "Wait", "States": {
            "Wait": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                     "Parameters": {"QueueUrl": "q", "MessageBody": {"t.$": "$$.Task.Token"}}, "End": true}}}, "Next": "Both"},
          "Both": {"Type": "Parallel", "Branches": [{"StartAt": "Act", "States": {
            "Act": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:000000000000:activity:a", "End": true}}}], "End": true}}}""");

    assertEquals(List.of(
        new Diagnostic("SCHEMA_VALIDATION_FAILED", "/States/Job/Resource", "Express state machine does not support '.sync' service integration"),
        new Diagnostic("SCHEMA_VALIDATION_FAILED", "/States/Fan/ItemProcessor/States/Wait/Resource",
            "Express state machine does not support '.waitForTaskToken' service integration "),
        new Diagnostic("SCHEMA_VALIDATION_FAILED", "/States/Both/Branches[0]/States/Act/Resource",
            "Express state machine does not support Activity ARN")), problems);
  }
}
