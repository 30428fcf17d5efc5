package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.State;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
import io.stepwise.json.Json;

/** A Task state: schedule the call, then process its result or its failure. */
final class TaskStep {
  private final Transition t;
  private final State.Task task;
  private final Expressions expressions;
  private final Resource resource;

  TaskStep(Transition t, State.Task task, Expressions expressions) {
    this.t = t;
    this.task = task;
    this.expressions = expressions;
    this.resource = Resource.parse(task.resource());
  }

  void run() {
    // A .sync task waits like a token task: the runtime answers with the token when the job ends;
    // an activity's worker answers with the token it got from GetActivityTask.
    String token = resource.waitsForTaskToken() || resource.isSync() || resource.isActivity() ? t.newTaskToken() : null;
    JsonNode payload;
    Integer timeout;
    Integer heartbeat;
    String credentialsRole;
    if (task.base().isJsonata()) {
      JsonataBindings bindings = expressions.bindings(null, null);
      payload = task.base().arguments() == null ? t.stateInput() : expressions.jsonata(task.base().arguments(), bindings, "Arguments");
      timeout = jsonataSeconds(task.timeout(), bindings);
      heartbeat = jsonataSeconds(task.heartbeat(), bindings);
      credentialsRole = TaskCredentialsField.roleArn(task.credentials(), expressions, bindings);
    } else {
      Scope raw = t.scope(t.stateInput());
      payload = DataFlow.effectiveInput(task.base(), raw);
      timeout = pathSeconds(task.timeout(), raw);
      heartbeat = pathSeconds(task.heartbeat(), raw);
      credentialsRole = TaskCredentialsField.roleArn(task.credentials(), raw);
    }
    scheduled(payload, timeout, heartbeat, credentialsRole);
    t.await(Phase.AWAIT_TASK);
    t.command(new Command.InvokeTask(t.executionArn(), task.name(), task.resource(), payload, token, timeout, heartbeat,
        new Command.TaskRole(t.roleArn(), credentialsRole)));
  }

  void succeeded(JsonNode result) {
    ObjectNode d = resourceDetails();
    d.set("outputDetails", History.NOT_TRUNCATED);
    started();
    t.history().add(eventPrefix() + "Succeeded", detailsKey("Succeeded"), d, "output", Json.write(result));
    expressions.exitWithResult(task, result);
  }

  /** The call was made and failed (Step Functions shows it started), or ran out of time. */
  void failed(String error, String cause) {
    ObjectNode d = resourceDetails();
    if (error != null) d.put("error", error);
    if (cause != null) d.put("cause", cause);
    started();
    String outcome = ErrorNames.TIMEOUT.equals(error) || ErrorNames.HEARTBEAT_TIMEOUT.equals(error) ? "TimedOut" : "Failed";
    t.history().add(eventPrefix() + outcome, detailsKey(outcome), d);
    t.fail(task, error, cause);
  }

  private void started() {
    t.history().add(eventPrefix() + "Started", resource.isLegacyLambda() ? null : detailsKey("Started"),
        resource.isLegacyLambda() ? null : resourceDetails());
  }

  private void scheduled(JsonNode payload, Integer timeout, Integer heartbeat, String credentialsRole) {
    ObjectNode d = resourceDetails();
    if (!namedByArn()) d.put("region", resource.region());
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
      d.put("resource", resource.action());
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

  private static Integer pathSeconds(State.Seconds seconds, Scope scope) {
    if (seconds == null) return null;
    if (seconds.literal() != null) return seconds.literal().asInt();
    JsonNode value = PathRef.compile(seconds.path()).find(scope);
    if (value == null || !value.canConvertToInt() || value.asInt() <= 0) {
      throw StatesError.runtime("The " + seconds.fieldName() + " parameter does not reference a positive integer: "
          + seconds.path() + (value == null ? "" : " == " + Json.write(value)));
    }
    return value.asInt();
  }

  private Integer jsonataSeconds(State.Seconds seconds, JsonataBindings bindings) {
    if (seconds == null) return null;
    JsonNode value = expressions.jsonata(seconds.literal(), bindings, seconds.fieldName());
    if (value == null || !value.canConvertToExactIntegral() || value.asInt() <= 0) {
      throw StatesError.query("The JSONata expression specified for the field '" + seconds.fieldName()
          + "' returned an unexpected result: " + (value == null ? "null" : Json.write(value)));
    }
    return value.asInt();
  }
}
