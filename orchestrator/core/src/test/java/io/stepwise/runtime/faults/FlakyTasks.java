package io.stepwise.runtime.faults;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.json.Json;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The task behind {@link #MACHINE}: its answer depends only on its payload, so a call repeated
 * after a crash (Task calls are at-least-once) answers the same. "Flaky" fails while
 * {@code $$.State.RetryCount} is below 2; "Risky" always fails.
 */
public final class FlakyTasks implements TaskInvoker {
  public static final String MACHINE = """
      {"Comment": "Task, Retry, Wait, Catch: the fault tests' machine",
       "StartAt": "Prepare",
       "States": {
         "Prepare": {"Type": "Pass", "Parameters": {"order.$": "$.order", "steps": []}, "Next": "Flaky"},
         "Flaky": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
           "Parameters": {"FunctionName": "flaky", "Payload": {"order.$": "$.order", "attempt.$": "$$.State.RetryCount"}},
           "ResultSelector": {"charged.$": "$.Payload.charged"}, "ResultPath": "$.charge",
           "Retry": [{"ErrorEquals": ["Flaky.Busy"], "IntervalSeconds": 1, "BackoffRate": 1.0, "MaxAttempts": 3}],
           "Next": "Pause"},
         "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Risky"},
         "Risky": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
           "Parameters": {"FunctionName": "risky", "Payload.$": "$"},
           "Catch": [{"ErrorEquals": ["Risky.Boom"], "ResultPath": "$.error", "Next": "Recover"}],
           "Next": "Done"},
         "Recover": {"Type": "Pass", "Parameters": {"order.$": "$.order", "charge.$": "$.charge", "recovered.$": "$.error.Error"}, "Next": "Done"},
         "Done": {"Type": "Succeed"}}}""";

  /** Map and Parallel with the same tasks: children that run, fail, recover and wait on their own. */
  public static final String FAN_OUT = """
      {"Comment": "Durable fan-out and fan-in: the join fault tests' machine (a Wait keeps the Map's iterations out of line)",
       "StartAt": "Prepare",
       "States": {
         "Prepare": {"Type": "Pass", "Parameters": {"order.$": "$.order", "items": [1, 2, 3, 4]}, "Next": "Fan"},
         "Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ResultPath": "$.doubled",
           "ItemProcessor": {"StartAt": "Double", "States": {
             "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "Next": "Settle"},
             "Settle": {"Type": "Wait", "Seconds": 0, "End": true}}},
           "Next": "Both"},
         "Both": {"Type": "Parallel", "ResultPath": "$.branches", "Next": "Label", "Branches": [
           {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
           {"StartAt": "B", "States": {
             "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
               "Parameters": {"FunctionName": "risky", "Payload": {}},
               "Catch": [{"ErrorEquals": ["Risky.Boom"], "Next": "BFixed"}], "End": true},
             "BFixed": {"Type": "Pass", "Result": "b recovered", "End": true}}},
           {"StartAt": "C", "States": {
             "C": {"Type": "Wait", "Seconds": 1, "Next": "CDone"},
             "CDone": {"Type": "Pass", "Result": "c", "End": true}}}]},
         "Label": {"Type": "Map", "ItemsPath": "$.doubled", "ResultPath": "$.labels", "Next": "Done",
           "ItemProcessor": {"StartAt": "L", "States": {
             "L": {"Type": "Pass", "Parameters": {"l.$": "States.Format('v{}', $.v)"}, "End": true}}}},
         "Done": {"Type": "Succeed"}}}""";

  public final AtomicInteger calls = new AtomicInteger();

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    calls.incrementAndGet();
    var payload = call.payload().path("Payload");
    if (call.payload().path("FunctionName").asText().equals("risky")) {
      return TaskOutcome.failure("Risky.Boom", "{\"errorMessage\":\"boom\"}");
    }
    if (payload.path("attempt").asInt() < 2) return TaskOutcome.failure("Flaky.Busy", "try again");
    return TaskOutcome.success(Json.parse("{\"StatusCode\": 200, \"Payload\": {\"charged\": \"" + payload.path("order").asText() + "\"}}"));
  }
}
