package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.Resource;
import io.stepwise.integrations.SdkHttpMetadata;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code arn:aws:states:::states:startExecution}: starts another execution of this runtime. With
 * {@code .sync} or {@code .sync:2} the parent's task waits and the child answers its token when
 * it ends ({@link #outcome}); with {@code .waitForTaskToken} the child answers it itself.
 */
public final class NestedWorkflows implements TaskInvoker {
  private final Executions executions;
  private final TaskInvoker others;

  public NestedWorkflows(Executions executions, TaskInvoker others) {
    this.executions = executions;
    this.others = others;
  }

  static boolean handles(String resource) {
    Resource r = Resource.parse(resource);
    return r.service().equals("states") && r.action().equals("startExecution");
  }

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    if (!handles(call.resource())) return others.invoke(call);
    JsonNode p = call.payload();
    String machine = p.path("StateMachineArn").asText(null);
    if (machine == null) return TaskOutcome.failure("States.Runtime", "states:startExecution needs StateMachineArn");
    JsonNode input = p.get("Input");
    String inputText = input == null || input.isNull() ? "{}" : input.isTextual() ? input.textValue() : Json.write(input);
    boolean sync = Resource.parse(call.resource()).isSync();
    try {
      Executions.Started started = executions.start(machine, p.path("Name").asText(null), inputText,
          sync ? call.token() : null);
      return TaskOutcome.success(response(started));
    } catch (ApiException e) {
      return TaskOutcome.failure("StepFunctions." + e.code() + "Exception", v1Cause(e));
    }
  }

  /**
   * StartExecution's response as the Java SDK v1 client shows it, with its HTTP metadata (AWS's
   * test_sfn_task_service recordings): those of the Step Functions API's JSON answer.
   */
  static ObjectNode response(Executions.Started started) {
    String requestId = UUID.randomUUID().toString();
    String body = "{\"executionArn\":\"" + started.executionArn() + "\",\"startDate\":"
        + started.startDate().toEpochMilli() / 1000.0 + "}";
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", List.of(requestId));
    headers.put("connection", List.of("keep-alive"));
    headers.put("Content-Length", List.of(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)));
    headers.put("Date", List.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(started.startDate().atOffset(ZoneOffset.UTC))));
    headers.put("Content-Type", List.of("application/x-amz-json-1.0"));
    ObjectNode result = Json.object().put("ExecutionArn", started.executionArn());
    result.set("SdkHttpMetadata", SdkHttpMetadata.of(200, headers, name -> name));
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    result.put("StartDate", started.startDate().toEpochMilli());
    return result;
  }

  /**
   * Step Functions starts the child through the Java SDK v1, whose message is the cause
   * (test_task_service_sfn's recording): {@code State Machine Does Not Exist: 'arn:...' (Service:
   * AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: ...; Proxy: null)}.
   */
  private static String v1Cause(ApiException e) {
    return e.getMessage() + " (Service: AWSStepFunctions; Status Code: 400; Error Code: " + e.code() + "; Request ID: "
        + UUID.randomUUID() + "; Proxy: null)";
  }

  /** What a {@code .sync:2} parent's task receives when the child ends: DescribeExecution's shape. */
  static ObjectNode outcome(ExecutionState end) {
    ObjectNode o = Json.object();
    o.put("ExecutionArn", end.info().executionArn());
    o.set("Input", end.info().input());
    o.set("InputDetails", Json.object().put("Included", true));
    o.put("Name", end.info().name());
    if (end.output() != null) {
      o.set("Output", end.output());
      o.set("OutputDetails", Json.object().put("Included", true));
    }
    o.put("StartDate", end.info().startTime().toEpochMilli());
    o.put("StateMachineArn", end.info().stateMachineArn());
    o.put("Status", end.status().name());
    if (end.error() != null) o.put("Error", end.error());
    if (end.cause() != null) o.put("Cause", end.cause());
    return o;
  }

  /**
   * An execution started by a parent's {@code .sync} task has ended: the parent's task succeeds
   * with its description, or fails with {@code States.TaskFailed}. Answering twice is harmless.
   */
  static void answerParent(Callbacks callbacks, ExecutionRecord child) {
    ObjectNode outcome = outcome(child.state());
    try {
      if (child.state().status() == io.stepwise.engine.ExecutionStatus.SUCCEEDED) {
        callbacks.sendTaskSuccess(child.callbackToken(), Json.write(outcome));
      } else {
        callbacks.sendTaskFailure(child.callbackToken(), io.stepwise.eval.ErrorNames.TASK_FAILED, Json.write(outcome));
      }
    } catch (ApiException alreadyAnswered) {
      // The parent's task ended some other way (timeout, stop) or was answered already.
    }
  }
}
