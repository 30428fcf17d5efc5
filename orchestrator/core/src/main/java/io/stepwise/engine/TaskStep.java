package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.integrations.http.ApiGatewayRequests;
import io.stepwise.json.Json;

/** A Task state: schedule the call, then process its result or its failure. */
final class TaskStep {
  private final Transition t;
  private final State.Task task;
  private final Flow flow;
  private final Resource resource;

  TaskStep(Transition t, State.Task task, Flow flow) {
    this.t = t;
    this.task = task;
    this.flow = flow;
    this.resource = Resource.parse(task.resource());
  }

  void run() {
    // A .sync task waits like a token task: the runtime answers with the token when the job ends;
    // an activity's worker answers with the token it got from GetActivityTask.
    String token = resource.waitsForTaskToken() || resource.isSync() || resource.isActivity() ? t.newTaskToken() : null;
    JsonNode payload = flow.arguments();
    // Developer guide, States.DataLimitExceeded: thrown "when, after Parameters processing, the
    // input of a state is larger than the payload size quota"; terminal, as for the output.
    if (Json.utf8Size(payload) > Transition.MAX_PAYLOAD_BYTES) {
      throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + task.name()
          + "' has an input with a size exceeding the maximum number of bytes service limit.");
    }
    refuseParameters(payload);
    Integer timeout = flow.seconds(task.timeout());
    Integer heartbeat = flow.seconds(task.heartbeat());
    String credentialsRole = flow.credentialsRole(task.credentials());
    scheduled(payload, timeout, heartbeat, credentialsRole);
    t.await(Phase.AWAIT_TASK);
    t.command(new Command.InvokeTask(t.info().executionArn(), task.name(), task.resource(), payload, token, timeout, heartbeat,
        new Command.TaskRole(t.info().roleArn(), credentialsRole)));
  }

  /** Parameters the integration cannot start with end the run with States.Runtime, unscheduled. */
  private void refuseParameters(JsonNode payload) {
    if (!resource.service().equals("apigateway") || namedByArn() || !payload.isObject()) return;
    String field = ApiGatewayRequests.refusedField(payload);
    if (field != null) {
      throw StatesError.runtime("The Parameters '" + Json.write(payload) + "' could not be used to start the Task: "
          + "[The value of the field '" + field + "' has an invalid format]");
    }
  }

  /** The call was sent and answered; the task's outcome comes later (a callback, the job's end). */
  void submitted(JsonNode response) {
    started();
    ObjectNode d = resourceDetails();
    d.set("outputDetails", History.NOT_TRUNCATED);
    t.history().add(eventPrefix() + "Submitted", detailsKey("Submitted"), d, "output", Json.write(response));
    t.await(Phase.AWAIT_OUTCOME);
  }

  /** A worker received the activity task: ActivityStarted names it, and the outcome comes later. */
  void activityStarted(String workerName) {
    ObjectNode d = Json.object();
    if (workerName != null) d.put("workerName", workerName);
    t.history().add("ActivityStarted", "activityStartedEventDetails", d);
    t.await(Phase.AWAIT_OUTCOME);
  }

  /**
   * @param started whether the started event is written already (the call was submitted first,
   *     or a worker took the activity task)
   */
  void succeeded(JsonNode result, boolean started) {
    // A result over the quota is the task's failure, caught by States.ALL like any other
    // (AWS-recorded test_states_errors: *_catch_state_all_data_limit_exceeded_on_large_utf8_response);
    // the cause names a bare function by its ARN, an integration by its service.
    String text = Json.write(result); // printed once: measured here, then the event's output
    // A char is at most 3 UTF-8 bytes, so only long texts need counting.
    if ((long) text.length() * 3 > Transition.MAX_PAYLOAD_BYTES && Json.utf8Length(text) > Transition.MAX_PAYLOAD_BYTES) {
      failed(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + (namedByArn() ? task.resource() : resource.service())
          + "' returned a result with a size exceeding the maximum number of bytes service limit.", started);
      return;
    }
    ObjectNode d = resourceDetails();
    d.set("outputDetails", History.NOT_TRUNCATED);
    if (!started) started();
    t.history().add(eventPrefix() + "Succeeded", detailsKey("Succeeded"), d, "output", text);
    flow.exitWithResult(task, result);
  }

  /** The call was made and failed (Step Functions shows it started), or ran out of time. */
  void failed(String error, String cause, boolean started) {
    ObjectNode d = resourceDetails();
    if (error != null) d.put("error", ErrorNames.recorded(error));
    if (cause != null) d.put("cause", cause);
    String outcome = ErrorNames.TIMEOUT.equals(ErrorNames.recorded(error)) ? "TimedOut" : "Failed";
    // An activity task no worker took (its ActivityStarted comes when one does) times out unstarted.
    if (!started && !(resource.isActivity() && outcome.equals("TimedOut"))) started();
    t.history().add(eventPrefix() + outcome, detailsKey(outcome), d);
    // A TimeoutSeconds timeout hands a Catcher an empty Cause (see Recovery.timedOut); a missed
    // heartbeat keeps a null one, as no recording shows one caught.
    if (ErrorNames.TIMEOUT.equals(error) && cause == null) t.failTimedOut(task, error);
    else t.fail(task, error, cause);
  }

  /**
   * The started event written with the outcome. An activity's names only the worker, unknown
   * here ({@code {}}): a runtime whose workers take tasks writes it when they do
   * ({@link #activityStarted}).
   */
  private void started() {
    t.history().add(eventPrefix() + "Started", resource.isLegacyLambda() ? null : detailsKey("Started"),
        resource.isLegacyLambda() ? null : resource.isActivity() ? Json.object() : resourceDetails());
  }

  private void scheduled(JsonNode payload, Integer timeout, Integer heartbeat, String credentialsRole) {
    ObjectNode d = resourceDetails();
    if (!namedByArn()) d.put("region", resource.region());
    else d.set("inputDetails", History.NOT_TRUNCATED); // as a state's input: AWS's recordings of both kinds
    if (timeout != null) d.put("timeoutInSeconds", timeout);
    if (heartbeat != null) d.put("heartbeatInSeconds", heartbeat);
    if (credentialsRole != null) d.putObject("taskCredentials").put("roleArn", credentialsRole);
    t.history().add(eventPrefix() + "Scheduled", detailsKey("Scheduled"), d,
        namedByArn() ? "input" : "parameters", Json.write(payload));
  }

  private ObjectNode resourceDetails() {
    ObjectNode d = Json.object();
    if (namedByArn()) {
      d.put("resource", task.resource());
    } else {
      d.put("resourceType", resource.service());
      // AWS names the integration pattern too: "sendMessage.waitForTaskToken", "startExecution.sync:2".
      d.put("resource", resource.pattern().isEmpty() ? resource.action() : resource.action() + "." + resource.pattern());
    }
    return d;
  }

  /** A bare Lambda function and an activity have events of their own, naming the resource by its ARN. */
  private boolean namedByArn() {
    return resource.isLegacyLambda() || resource.isActivity();
  }

  private String eventPrefix() {
    return resource.isLegacyLambda() ? "LambdaFunction" : resource.isActivity() ? "Activity" : "Task";
  }

  private String detailsKey(String what) {
    return (resource.isLegacyLambda() ? "lambdaFunction" : resource.isActivity() ? "activity" : "task") + what + "EventDetails";
  }
}
